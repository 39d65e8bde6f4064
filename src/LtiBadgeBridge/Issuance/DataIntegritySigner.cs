using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.DataIntegrity;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;
using NSec.Cryptography;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// The Data Integrity <see cref="ICredentialProofSigner"/>: an <c>eddsa-rdfc-2022</c> proof with verification method
/// <c>issuerId#keyId</c> and <c>created</c> = the credential's <c>validFrom</c> (so re-signing the same credential gives
/// the same bytes). Fails closed with a <see cref="Credentials.JsonLd.JsonLdException"/> naming the import command when
/// a context is missing from the cache. Thread-safe; register as a singleton.
/// </summary>
public sealed class DataIntegritySigner(DataIntegrityProofs proofs) : ICredentialProofSigner, IDisposable
{
    private readonly ConcurrentDictionary<string, Key> _keys = new(StringComparer.Ordinal);

    public ProofFormat Format => ProofFormat.DataIntegrity;

    public ValueTask<SignedCredential> SignAsync(JsonObject credential, string issuerId, IssuerSigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (key.Algorithm != IssuerKeyAlgorithm.Ed25519)
        {
            throw new ArgumentException("Data Integrity proofs need an Ed25519 key.", nameof(key));
        }

        var cacheKey = key.KeyId + "#" + Convert.ToHexString(SHA256.HashData(key.PrivateKey.Span));
        var privateKey = _keys.GetOrAdd(cacheKey, static (_, k) =>
            Key.Import(SignatureAlgorithm.Ed25519, k.PrivateKey.Span, KeyBlobFormat.RawPrivateKey), key);
        DateTimeOffset? created = XsdDateTime.TryParse((string?)(credential["validFrom"] as JsonValue), out var validFrom) ? validFrom : null;
        var signed = proofs.Sign(credential, new ProofOptions { VerificationMethod = DidWeb.KeyUrl(issuerId, key.KeyId), Created = created }, privateKey);
        return ValueTask.FromResult(new SignedCredential { Format = ProofFormat.DataIntegrity, Credential = signed });
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }
}
