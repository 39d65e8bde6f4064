using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>The two proof formats a credential can carry.</summary>
public enum ProofFormat
{
    /// <summary>VC-JWT (compact JWS, ES256 or RS256): OB 3.0 §8.2.</summary>
    VcJwt,

    /// <summary>Embedded Data Integrity proof, cryptosuite <c>eddsa-rdfc-2022</c>.</summary>
    DataIntegrity,
}

/// <summary>
/// A signed credential. For <see cref="ProofFormat.VcJwt"/>, <see cref="Jwt"/> is the compact JWS and
/// <see cref="Credential"/> the unsigned credential it carries; for <see cref="ProofFormat.DataIntegrity"/>,
/// <see cref="Credential"/> holds the embedded <c>proof</c> and <see cref="Jwt"/> is null.
/// </summary>
public sealed record SignedCredential
{
    public required ProofFormat Format { get; init; }

    public required JsonObject Credential { get; init; }

    public string? Jwt { get; init; }

    /// <summary>The text to store, serve or bake: the compact JWS or the JSON.</summary>
    public string Text => Jwt ?? Credential.ToJsonString();
}

/// <summary>Adds a proof to a credential. One implementation per <see cref="ProofFormat"/>.</summary>
public interface ICredentialProofSigner
{
    ProofFormat Format { get; }

    /// <summary>
    /// Signs <paramref name="credential"/> (not modified) with <paramref name="key"/>. <paramref name="issuerId"/>
    /// is the issuer IRI whose DID document lists the key (<c>issuerId#keyId</c> is the verification method).
    /// </summary>
    ValueTask<SignedCredential> SignAsync(JsonObject credential, string issuerId, IssuerSigningKey key, CancellationToken cancellationToken);
}
