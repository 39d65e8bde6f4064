namespace LtiBadgeBridge.Credentials.Issuers;

/// <summary>Signature algorithms an issuer key is used with.</summary>
public enum IssuerKeyAlgorithm
{
    /// <summary>Ed25519 (Multikey), for Data Integrity <c>eddsa-rdfc-2022</c>.</summary>
    Ed25519,

    /// <summary>ECDSA P-256 with SHA-256, for VC-JWT (the default).</summary>
    ES256,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256, for VC-JWT.</summary>
    RS256,
}

/// <summary>Whether a key still signs. Retired keys stay published so earlier credentials keep verifying.</summary>
public enum IssuerKeyStatus
{
    Active,
    Retired,
}

/// <summary>
/// A public issuer key as published in the DID document and JWKS. <see cref="PublicKey"/> is the raw 32-byte key
/// for Ed25519 and the DER SubjectPublicKeyInfo for ES256/RS256.
/// </summary>
public sealed record IssuerPublicKey
{
    /// <summary>The fragment of the verification method id, e.g. <c>key-es256-2026-11</c> (no '#').</summary>
    public required string KeyId { get; init; }

    public required IssuerKeyAlgorithm Algorithm { get; init; }

    public required ReadOnlyMemory<byte> PublicKey { get; init; }

    public IssuerKeyStatus Status { get; init; } = IssuerKeyStatus.Active;
}

/// <summary>
/// Private key material for signing. <see cref="PrivateKey"/> is the 32-byte seed for Ed25519 and PKCS#8 DER for
/// ES256/RS256. The caller decrypts it from storage just before use; never log it.
/// </summary>
public sealed record IssuerSigningKey
{
    public required string KeyId { get; init; }

    public required IssuerKeyAlgorithm Algorithm { get; init; }

    public required ReadOnlyMemory<byte> PrivateKey { get; init; }

    public required ReadOnlyMemory<byte> PublicKey { get; init; }

    /// <summary>The public half, as published.</summary>
    public IssuerPublicKey ToPublic(IssuerKeyStatus status = IssuerKeyStatus.Active) =>
        new() { KeyId = KeyId, Algorithm = Algorithm, PublicKey = PublicKey, Status = status };

    /// <inheritdoc />
    public override string ToString() => $"IssuerSigningKey {{ KeyId = {KeyId}, Algorithm = {Algorithm} }}";
}
