using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.DataIntegrity;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Verification;
using NSec.Cryptography;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// The <see cref="IDataIntegrityVerifier"/> over our JSON-LD code: the proof's verification method must be a key
/// of the credential's issuer (<c>issuer#key</c>, controller = issuer), resolved through <paramref name="resolveKey"/>
/// (the issuer's published keys, retired ones included).
/// </summary>
public sealed class DataIntegrityVerifier(DataIntegrityProofs proofs, Func<string, IssuerPublicKey?> resolveKey) : IDataIntegrityVerifier
{
    public ValueTask<CredentialProblem?> VerifyAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        cancellationToken.ThrowIfCancellationRequested();
        var issuer = credential["issuer"] switch
        {
            JsonObject o => (string?)(o["id"] as JsonValue),
            JsonValue v => (string?)v,
            _ => null,
        };
        ProofVerificationResult result;
        try
        {
            result = proofs.Verify(credential, method =>
            {
                if (issuer is null || !method.StartsWith(issuer + "#", StringComparison.Ordinal))
                {
                    return null; // the key must belong to the issuer
                }

                return resolveKey(method) is { Algorithm: IssuerKeyAlgorithm.Ed25519 } key
                    ? PublicKey.Import(SignatureAlgorithm.Ed25519, key.PublicKey.Span, KeyBlobFormat.RawPublicKey)
                    : null;
            });
        }
        catch (JsonLdException e)
        {
            return ValueTask.FromResult<CredentialProblem?>(new CredentialProblem(ProofVerificationCodes.ContextUnavailable, e.Message));
        }

        return ValueTask.FromResult(result.Verified ? null : new CredentialProblem("di_" + result.Code, result.Message));
    }
}
