using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Credentials.Jwt;

/// <summary>The VC-JWT <see cref="ICredentialProofSigner"/>: kid = <c>issuerId#keyId</c>.</summary>
public sealed class VcJwtSigner : ICredentialProofSigner
{
    public ProofFormat Format => ProofFormat.VcJwt;

    public ValueTask<SignedCredential> SignAsync(
        JsonObject credential, string issuerId, IssuerSigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var jwt = VcJwt.Sign(credential, DidWeb.KeyUrl(issuerId, key.KeyId), key);
        return ValueTask.FromResult(new SignedCredential { Format = ProofFormat.VcJwt, Credential = credential, Jwt = jwt });
    }
}
