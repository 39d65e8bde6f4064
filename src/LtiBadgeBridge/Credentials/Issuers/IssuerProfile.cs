using System.Text.Json.Nodes;

namespace LtiBadgeBridge.Credentials.Issuers;

/// <summary>
/// The institution that issues credentials for one platform registration. <see cref="Id"/> is the issuer IRI
/// written into every credential (normally the <c>did:web</c> of <see cref="ProfileUrl"/>, so Data Integrity
/// verifiers find the key controller); the same profile is served as JSON at <see cref="ProfileUrl"/>.
/// </summary>
public sealed record IssuerProfile
{
    /// <summary>The issuer IRI: a <c>did:web</c> (preferred; see <see cref="DidWeb"/>) or an HTTPS URL.</summary>
    public required string Id { get; init; }

    /// <summary>The HTTPS URL where we serve the OB 3.0 Profile JSON.</summary>
    public required Uri ProfileUrl { get; init; }

    public required string Name { get; init; }

    /// <summary>The institution's home page.</summary>
    public Uri? Url { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Description { get; init; }

    /// <summary>Logo (HTTPS URL or data: URI).</summary>
    public Uri? Image { get; init; }

    public IssuerAddress? Address { get; init; }

    /// <summary>EndorsementCredentials the institution holds (imported JSON, embedded as-is).</summary>
    public IReadOnlyList<JsonObject> Endorsements { get; init; } = [];

    /// <summary>VC-JWT EndorsementCredentials the institution holds (compact JWS), written as <c>endorsementJwt</c>.</summary>
    public IReadOnlyList<string> EndorsementJwts { get; init; } = [];
}

/// <summary>Postal address of an issuer; country (and region) are what employers look for.</summary>
public sealed record IssuerAddress
{
    /// <summary>Country name, e.g. "Canada".</summary>
    public string? Country { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code, e.g. "CA".</summary>
    public string? CountryCode { get; init; }

    /// <summary>Region or province, e.g. "ON".</summary>
    public string? Region { get; init; }

    public string? Locality { get; init; }
}
