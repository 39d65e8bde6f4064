namespace LtiBadgeBridge.Issuance;

/// <summary>An issued credential: one per award, with the proof formats that exist (JWT and/or JSON-LD with DI proof).</summary>
public sealed record CredentialRecord
{
    public long Id { get; init; }
    public long PlatformId { get; init; }
    public long AwardId { get; init; }

    /// <summary>The credential's own id (<c>urn:uuid:</c>, deterministic per award).</summary>
    public required string CredentialId { get; init; }

    /// <summary>The random, URL-safe id of the public page and downloads.</summary>
    public required string PublicId { get; init; }

    /// <summary>The credential with its Data Integrity proof; null when it could not be signed (e.g. contexts missing).</summary>
    public string? JsonLd { get; init; }

    /// <summary>The VC-JWT (compact JWS).</summary>
    public string? Jwt { get; init; }

    public long? StatusListId { get; init; }
    public int? StatusListIndex { get; init; }

    /// <summary>The VC-JWT key (kid of the key ring).</summary>
    public string? SigningKid { get; init; }

    /// <summary>The Data Integrity key (kid of the key ring).</summary>
    public string? DiKid { get; init; }

    /// <summary>The salt of the learner's identity hashes (also the OB 2.0 recipient salt).</summary>
    public string? Salt { get; init; }

    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevocationReason { get; init; }

    /// <summary>Whether the learner chose to show their name on the public page (default no).</summary>
    public bool ShowLearnerName { get; init; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The proof formats stored, e.g. "vc-jwt, data-integrity".</summary>
    public string Formats => string.Join(", ", new[] { Jwt is null ? null : "vc-jwt", JsonLd is null ? null : "data-integrity" }.Where(f => f is not null));
}
