namespace LtiBadgeBridge.Issuance;

/// <summary>The proof format an endorsement was stored in.</summary>
public static class EndorsementFormats
{
    /// <summary>JSON with an embedded Data Integrity proof: embedded as <c>endorsement</c>.</summary>
    public const string Json = "json";

    /// <summary>A compact JWS (VC-JWT): embedded as <c>endorsementJwt</c>.</summary>
    public const string Jwt = "jwt";
}

/// <summary>
/// A stored <c>EndorsementCredential</c>, verified before it was stored: of an achievement, or of the issuer (the
/// registration's institution) when <see cref="AchievementId"/> is null.
/// </summary>
public sealed record EndorsementRecord
{
    public long Id { get; init; }

    public required long PlatformId { get; init; }

    /// <summary>The endorsed achievement; null for an endorsement of the issuer.</summary>
    public long? AchievementId { get; init; }

    /// <summary>The endorsement credential's own <c>id</c>.</summary>
    public required string CredentialId { get; init; }

    /// <summary><see cref="EndorsementFormats.Json"/> or <see cref="EndorsementFormats.Jwt"/>.</summary>
    public required string Format { get; init; }

    /// <summary>The signed credential exactly as verified: JSON text or the compact JWS.</summary>
    public required string Content { get; init; }

    /// <summary>The endorser's issuer id (a DID or URL).</summary>
    public required string EndorserId { get; init; }

    public string? EndorserName { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
