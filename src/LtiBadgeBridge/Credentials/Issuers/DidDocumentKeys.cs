using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace LtiBadgeBridge.Credentials.Issuers;

/// <summary>
/// Public keys of an outside issuer without a network: the verification methods of a DID document someone handed
/// us (<c>Multikey</c> Ed25519, <c>JsonWebKey</c> P-256 / RSA / Ed25519), or a <c>did:key</c> (the key is the id).
/// Keys are indexed by their full verification method id (<c>did#fragment</c>).
/// </summary>
public static class DidDocumentKeys
{
    /// <summary>The keys of <paramref name="document"/> controlled by its own <c>id</c>; unusable entries are skipped.</summary>
    public static IReadOnlyDictionary<string, IssuerPublicKey> From(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var keys = new Dictionary<string, IssuerPublicKey>(StringComparer.Ordinal);
        var did = Str(document["id"]);
        if (did is null || document["verificationMethod"] is not JsonArray methods)
        {
            return keys;
        }

        foreach (var method in methods.OfType<JsonObject>())
        {
            var id = Str(method["id"]);
            if (id is null)
            {
                continue;
            }

            id = id.StartsWith('#') ? did + id : id;
            var controller = Str(method["controller"]) ?? did;
            if (!id.StartsWith(did + "#", StringComparison.Ordinal) || controller != did)
            {
                continue; // a key of someone else is not this issuer's key
            }

            if (ToKey(id, method) is { } key)
            {
                keys[id] = key;
            }
        }

        return keys;
    }

    /// <summary>The Ed25519 key of a <c>did:key:z6Mk...</c> (method <c>did:key:z6Mk...#z6Mk...</c>), or null.</summary>
    public static IReadOnlyDictionary<string, IssuerPublicKey> FromDidKey(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        const string prefix = "did:key:";
        var keys = new Dictionary<string, IssuerPublicKey>(StringComparer.Ordinal);
        var bare = did.Split('#')[0];
        if (!bare.StartsWith(prefix, StringComparison.Ordinal) || DataIntegrity.Multikey.DecodeEd25519PublicKey(bare[prefix.Length..]) is not { } key)
        {
            return keys;
        }

        var raw = key.Export(KeyBlobFormat.RawPublicKey);
        keys[bare + "#" + bare[prefix.Length..]] = new IssuerPublicKey { KeyId = bare[prefix.Length..], Algorithm = IssuerKeyAlgorithm.Ed25519, PublicKey = raw };
        return keys;
    }

    private static IssuerPublicKey? ToKey(string id, JsonObject method)
    {
        var fragment = id[(id.IndexOf('#', StringComparison.Ordinal) + 1)..];
        if (Str(method["publicKeyMultibase"]) is { } multibase)
        {
            return DataIntegrity.Multikey.DecodeEd25519PublicKey(multibase) is { } ed
                ? new IssuerPublicKey { KeyId = fragment, Algorithm = IssuerKeyAlgorithm.Ed25519, PublicKey = ed.Export(KeyBlobFormat.RawPublicKey) }
                : null;
        }

        if (method["publicKeyJwk"] is not JsonObject jwk)
        {
            return null;
        }

        try
        {
            switch (Str(jwk["kty"]), Str(jwk["crv"]))
            {
                case ("EC", "P-256"):
                    using (var ec = ECDsa.Create(new ECParameters
                    {
                        Curve = ECCurve.NamedCurves.nistP256,
                        Q = new ECPoint { X = Bytes(jwk, "x"), Y = Bytes(jwk, "y") },
                    }))
                    {
                        return new IssuerPublicKey { KeyId = fragment, Algorithm = IssuerKeyAlgorithm.ES256, PublicKey = ec.ExportSubjectPublicKeyInfo() };
                    }

                case ("RSA", _):
                    using (var rsa = RSA.Create(new RSAParameters { Modulus = Bytes(jwk, "n"), Exponent = Bytes(jwk, "e") }))
                    {
                        return new IssuerPublicKey { KeyId = fragment, Algorithm = IssuerKeyAlgorithm.RS256, PublicKey = rsa.ExportSubjectPublicKeyInfo() };
                    }

                case ("OKP", "Ed25519"):
                    var x = Bytes(jwk, "x");
                    return x.Length == 32 ? new IssuerPublicKey { KeyId = fragment, Algorithm = IssuerKeyAlgorithm.Ed25519, PublicKey = x } : null;
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] Bytes(JsonObject jwk, string name) =>
        Str(jwk[name]) is { } value ? Base64Url.DecodeFromChars(value) : throw new FormatException($"JWK member '{name}' is missing.");

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
