namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>Builds Moodle clients for a site and the web service token the admin configured.</summary>
public interface IMoodleClientFactory
{
    /// <param name="siteUrl">Moodle's wwwroot, e.g. <c>https://moodle.school.edu/</c> (a sub-path is kept).</param>
    /// <param name="token">A decrypted web service token; never logged.</param>
    IMoodleClient Create(Uri siteUrl, string token);
}
