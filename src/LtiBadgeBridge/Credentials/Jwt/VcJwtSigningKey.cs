using System.Security.Cryptography;
using LtiBadgeBridge.Credentials.Issuers;

namespace LtiBadgeBridge.Credentials.Jwt;

/// <summary>
/// An ES256/RS256 private key imported once for many signatures (importing PKCS#8 costs about ten times a
/// signature). Safe to share between threads: signing is serialised on the instance.
/// </summary>
public sealed class VcJwtSigningKey : IDisposable
{
    private readonly AsymmetricAlgorithm _algorithm;
    private readonly Lock _gate = new();

    private VcJwtSigningKey(IssuerSigningKey key, AsymmetricAlgorithm algorithm)
    {
        KeyId = key.KeyId;
        Algorithm = key.Algorithm;
        _algorithm = algorithm;
    }

    public string KeyId { get; }

    public IssuerKeyAlgorithm Algorithm { get; }

    /// <summary>The JOSE <c>alg</c>.</summary>
    public string Alg => Algorithm == IssuerKeyAlgorithm.ES256 ? "ES256" : "RS256";

    public static VcJwtSigningKey Import(IssuerSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        switch (key.Algorithm)
        {
            case IssuerKeyAlgorithm.ES256:
                var ec = ECDsa.Create();
                try
                {
                    ec.ImportPkcs8PrivateKey(key.PrivateKey.Span, out _);
                    return new VcJwtSigningKey(key, ec);
                }
                catch
                {
                    ec.Dispose();
                    throw;
                }

            case IssuerKeyAlgorithm.RS256:
                var rsa = RSA.Create();
                try
                {
                    rsa.ImportPkcs8PrivateKey(key.PrivateKey.Span, out _);
                    return new VcJwtSigningKey(key, rsa);
                }
                catch
                {
                    rsa.Dispose();
                    throw;
                }

            default:
                throw new ArgumentException($"VC-JWT signs with ES256 or RS256, not {key.Algorithm}.", nameof(key));
        }
    }

    internal byte[] Sign(byte[] data)
    {
        lock (_gate)
        {
            return _algorithm switch
            {
                ECDsa ec => ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                RSA rsa => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                _ => throw new InvalidOperationException("Unknown key type."),
            };
        }
    }

    public void Dispose() => _algorithm.Dispose();
}
