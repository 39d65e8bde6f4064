using System.Globalization;
using LtiBadgeBridge.Credentials.Issuers;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Where issued credentials point: every public URL and issuer DID is derived from <see cref="PublicBaseUrl"/>
/// (an https origin, e.g. <c>https://badges.example.edu/</c>).
/// </summary>
public sealed record IssuanceSettings
{
    public required Uri PublicBaseUrl { get; init; }

    /// <summary>How many intents one batch claims (one transaction).</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>Whether to add a Data Integrity copy (eddsa-rdfc-2022) next to the VC-JWT.</summary>
    public bool DataIntegrity { get; init; } = true;

    /// <summary>The folder of OB 3.0 JSON schemas (a <c>schemas.json</c> manifest); null skips schema checks when verifying.</summary>
    public string? SchemaDirectory { get; init; }

    /// <summary>The issuer's HTTPS profile URL: <c>/issuers/{platformId}</c>.</summary>
    public Uri IssuerUrl(long platformId) => Url($"issuers/{Id(platformId)}");

    /// <summary><c>did:web:host:issuers:{platformId}</c>; its document is served at <c>/issuers/{platformId}/did.json</c>.</summary>
    public string IssuerDid(long platformId) => DidWeb.FromUrl(Https(IssuerUrl(platformId)));

    /// <summary>The platform id of one of our issuer DIDs (a key URL's fragment is ignored), or null.</summary>
    public long? PlatformOfDid(string? did)
    {
        if (did is null)
        {
            return null;
        }

        var bare = did.Split('#')[0];
        var prefix = DidWeb.FromUrl(Https(Url("issuers"))) + ":";
        return bare.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(bare[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    public Uri StatusListUrl(long platformId, long listId) => Url($"status/{Id(platformId)}/{Id(listId)}");

    /// <summary>The OB 3.0 <c>Achievement</c> id: <c>/achievements/{id}</c>, which serves the Achievement JSON.</summary>
    public Uri AchievementUrl(long achievementId) => Url($"achievements/{Id(achievementId)}");

    /// <summary>The OB 2.0 <c>BadgeClass</c> of an achievement.</summary>
    public Uri Ob2BadgeUrl(long achievementId) => Url($"ob2/badges/{Id(achievementId)}");

    public Uri CredentialPageUrl(string publicId) => Url($"credentials/{publicId}");

    public Uri Ob2AssertionUrl(string publicId) => Url($"ob2/assertions/{publicId}");

    public Uri Ob2IssuerUrl(long platformId) => Url($"ob2/issuers/{Id(platformId)}");

    public Uri Url(string relative) => new(PublicBaseUrl, relative);

    // did:web is https only; a plain-http development origin keeps its host and path.
    private static Uri Https(Uri url) => url.Scheme == Uri.UriSchemeHttps ? url : new UriBuilder(url) { Scheme = Uri.UriSchemeHttps, Port = url.IsDefaultPort ? -1 : url.Port }.Uri;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
