namespace LtiBadgeBridge.Sync;

/// <summary>A platform's LMS API credentials, decrypted. <see cref="Secret"/> is never logged.</summary>
public sealed record LmsCredentials
{
    public required long PlatformId { get; init; }

    /// <summary><c>canvas</c> or <c>moodle</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The Canvas root or the Moodle site URL.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The Canvas developer key's client id; null for Moodle.</summary>
    public string? ClientId { get; init; }

    /// <summary>The Canvas developer key's secret or the Moodle web service token.</summary>
    public required string Secret { get; init; }

    public override string ToString() => $"LmsCredentials {{ PlatformId = {PlatformId}, Kind = {Kind}, BaseUrl = {BaseUrl} }}";
}
