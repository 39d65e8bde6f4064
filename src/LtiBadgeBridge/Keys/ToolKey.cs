namespace LtiBadgeBridge.Keys;

/// <summary>A signing key of ours. The private half is stored protected and only unprotected in memory.</summary>
public sealed record ToolKey
{
    public long Id { get; init; }
    public required string Kid { get; init; }

    /// <summary>What the key signs: <see cref="KeyPurposes"/>.</summary>
    public required string Purpose { get; init; }

    /// <summary>The issuer's registration for credential keys; null for service-wide LTI keys.</summary>
    public long? PlatformId { get; init; }

    /// <summary><c>RS256</c>, <c>ES256</c> or <c>EdDSA</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The public key as a JWK (JSON).</summary>
    public required string PublicJwk { get; init; }
    public required string PrivateKeyProtected { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the key stopped signing; it stays published until <see cref="ExpiresAt"/>.</summary>
    public DateTimeOffset? RetiredAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    public bool IsActive => RetiredAt is null;
}

public static class KeyPurposes
{
    /// <summary>LTI messages and OAuth2 client assertions (RS256).</summary>
    public const string Lti = "lti";

    /// <summary>VC-JWT credentials (ES256 default, RS256 option).</summary>
    public const string CredentialJwt = "credential-jwt";

    /// <summary>Data Integrity eddsa-rdfc-2022 proofs (Ed25519).</summary>
    public const string CredentialDataIntegrity = "credential-di";
}
