using System.ComponentModel.DataAnnotations;

namespace LtiBadgeBridge.Lti;

/// <summary>Settings of the tool side of LTI.</summary>
public sealed class LtiToolOptions
{
    public const string SectionName = "Lti";

    /// <summary>The launch (redirect) URI the platform posts the id_token to. Matched exactly by platforms:
    /// the trailing slash matters.</summary>
    [Required]
    public Uri LaunchUri { get; set; } = null!;

    /// <summary>Hosts a <c>target_link_uri</c> may point at. Empty means the host of <see cref="LaunchUri"/>.</summary>
    public IList<string> AllowedTargetHosts { get; init; } = [];

    /// <summary>Clock skew allowed on <c>exp</c>/<c>iat</c>. Bounded by <see cref="MaxClockSkew"/>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a login (state and nonce) stays usable.</summary>
    public TimeSpan LoginLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest id_token accepted, in characters.</summary>
    [Range(1024, 262144)]
    public int MaxTokenLength { get; set; } = 64 * 1024;

    /// <summary>The User-Agent sent on every outbound request.</summary>
    [Required]
    public string UserAgent { get; set; } = "LtiBadgeBridge/1.0";

    /// <summary>The most pages a paged service call follows.</summary>
    [Range(1, 100000)]
    public int ServicePageCap { get; set; } = 1000;

    /// <summary>The largest service response body accepted, in bytes.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int ServiceMaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    /// <summary>The skew actually applied: <see cref="ClockSkew"/> bounded to [0, <see cref="MaxClockSkew"/>].</summary>
    public TimeSpan EffectiveClockSkew =>
        ClockSkew < TimeSpan.Zero ? TimeSpan.Zero : ClockSkew > MaxClockSkew ? MaxClockSkew : ClockSkew;

    /// <summary>True when <paramref name="uri"/> is an absolute http(s) URI on one of our hosts.</summary>
    public bool IsOwnUri(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        if (AllowedTargetHosts.Count == 0)
        {
            return string.Equals(uri.Scheme, LaunchUri.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(uri.Host, LaunchUri.Host, StringComparison.OrdinalIgnoreCase)
                && uri.Port == LaunchUri.Port;
        }

        foreach (var host in AllowedTargetHosts)
        {
            if (string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase)
                || string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
