using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;

namespace LtiBadgeBridge.Credentials.Jwt;

/// <summary>Public JSON Web Keys (RFC 7517/8037) for issuer keys.</summary>
public static class PublicJwk
{
    /// <summary>The public JWK of <paramref name="key"/> (no private members, no kid).</summary>
    public static JsonObject From(IssuerPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        switch (key.Algorithm)
        {
            case IssuerKeyAlgorithm.ES256:
                using (var ec = ECDsa.Create())
                {
                    ec.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
                    var p = ec.ExportParameters(false);
                    return new JsonObject
                    {
                        ["kty"] = "EC", ["crv"] = "P-256",
                        ["x"] = Base64Url.EncodeToString(p.Q.X), ["y"] = Base64Url.EncodeToString(p.Q.Y),
                    };
                }

            case IssuerKeyAlgorithm.RS256:
                using (var rsa = RSA.Create())
                {
                    rsa.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
                    var p = rsa.ExportParameters(false);
                    return new JsonObject
                    {
                        ["kty"] = "RSA",
                        ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent),
                    };
                }

            case IssuerKeyAlgorithm.Ed25519:
                return new JsonObject
                {
                    ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = Base64Url.EncodeToString(key.PublicKey.Span),
                };

            default:
                throw new ArgumentOutOfRangeException(nameof(key), key.Algorithm, "Unknown key algorithm.");
        }
    }

    /// <summary>
    /// A JWKS of the VC-JWT keys (ES256/RS256), each with <c>kid</c> = <c>issuerDid#keyId</c> (the JWT header kid),
    /// <c>alg</c> and <c>use: sig</c>. Retired keys stay listed.
    /// </summary>
    public static JsonObject KeySet(string issuerDid, IEnumerable<IssuerPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var array = new JsonArray();
        foreach (var key in keys.Where(k => k.Algorithm is IssuerKeyAlgorithm.ES256 or IssuerKeyAlgorithm.RS256))
        {
            var jwk = From(key);
            jwk["kid"] = DidWeb.KeyUrl(issuerDid, key.KeyId);
            jwk["alg"] = key.Algorithm.ToString();
            jwk["use"] = "sig";
            array.Add(jwk);
        }

        return new JsonObject { ["keys"] = array };
    }
}
