using System.Security.Cryptography;
using NSec.Cryptography;

namespace LtiBadgeBridge.Credentials.Issuers;

/// <summary>Creates fresh issuer keys (for setup and rotation).</summary>
public static class IssuerKeyFactory
{
    /// <summary>Generates a new key pair for <paramref name="algorithm"/> named <paramref name="keyId"/>.</summary>
    public static IssuerSigningKey Generate(IssuerKeyAlgorithm algorithm, string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        switch (algorithm)
        {
            case IssuerKeyAlgorithm.ES256:
                using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    return new IssuerSigningKey
                    {
                        KeyId = keyId, Algorithm = algorithm,
                        PrivateKey = ec.ExportPkcs8PrivateKey(), PublicKey = ec.ExportSubjectPublicKeyInfo(),
                    };
                }

            case IssuerKeyAlgorithm.RS256:
                using (var rsa = RSA.Create(2048))
                {
                    return new IssuerSigningKey
                    {
                        KeyId = keyId, Algorithm = algorithm,
                        PrivateKey = rsa.ExportPkcs8PrivateKey(), PublicKey = rsa.ExportSubjectPublicKeyInfo(),
                    };
                }

            case IssuerKeyAlgorithm.Ed25519:
                using (var key = Key.Create(SignatureAlgorithm.Ed25519,
                           new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }))
                {
                    return new IssuerSigningKey
                    {
                        KeyId = keyId, Algorithm = algorithm,
                        PrivateKey = key.Export(KeyBlobFormat.RawPrivateKey),
                        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey),
                    };
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key algorithm.");
        }
    }
}
