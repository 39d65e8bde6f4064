using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Credentials.Jwt;

/// <summary>
/// The VC-JWT <see cref="ICredentialProofSigner"/>: kid = <c>issuerId#keyId</c>. Imported keys are cached
/// (by issuer, key id and a digest of the private key), so a batch pays the PKCS#8 import once. Register as a
/// singleton; disposing it releases the cached keys.
/// </summary>
public sealed class VcJwtSigner : ICredentialProofSigner, IDisposable
{
    private readonly ConcurrentDictionary<string, VcJwtSigningKey> _keys = new(StringComparer.Ordinal);

    public ProofFormat Format => ProofFormat.VcJwt;

    public ValueTask<SignedCredential> SignAsync(
        JsonObject credential, string issuerId, IssuerSigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var cacheKey = issuerId + "#" + key.KeyId + "#" + Convert.ToHexString(SHA256.HashData(key.PrivateKey.Span));
        var imported = _keys.GetOrAdd(cacheKey, static (_, k) => VcJwtSigningKey.Import(k), key);
        var jwt = VcJwt.Sign(credential, DidWeb.KeyUrl(issuerId, key.KeyId), imported);
        return ValueTask.FromResult(new SignedCredential { Format = ProofFormat.VcJwt, Credential = credential, Jwt = jwt });
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
