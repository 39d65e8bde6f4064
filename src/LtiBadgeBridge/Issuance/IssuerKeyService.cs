using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Keys;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Issuer keys per platform on top of <see cref="KeyRing"/>: ES256 (purpose <c>credential-jwt</c>) for VC-JWT and
/// Ed25519 (purpose <c>credential-di</c>) for Data Integrity. Retired keys stay published, so credentials signed
/// before a rotation keep verifying. Active signing keys are cached for a minute per process.
/// </summary>
public sealed class IssuerKeyService(KeyRing keyRing, TimeProvider timeProvider)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(long, string), (IssuerSigningKey Key, DateTimeOffset LoadedAt)> _active = new();

    public static string AlgorithmFor(string purpose) => purpose switch
    {
        KeyPurposes.CredentialJwt => "ES256",
        KeyPurposes.CredentialDataIntegrity => "EdDSA",
        _ => throw new ArgumentException($"'{purpose}' is not a credential key purpose: use {KeyPurposes.CredentialJwt} or {KeyPurposes.CredentialDataIntegrity}.", nameof(purpose)),
    };

    /// <summary>The key that signs now for <paramref name="purpose"/>, created on first use.</summary>
    public async Task<IssuerSigningKey> ActiveAsync(long platformId, string purpose, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_active.TryGetValue((platformId, purpose), out var cached) && now - cached.LoadedAt < CacheFor)
        {
            return cached.Key;
        }

        var key = await keyRing.EnsureActiveAsync(purpose, platformId, AlgorithmFor(purpose), cancellationToken);
        var signing = ToSigning(key);
        _active[(platformId, purpose)] = (signing, now);
        return signing;
    }

    /// <summary>Every published key of the issuer (both purposes), active and retired.</summary>
    public async Task<IReadOnlyList<IssuerPublicKey>> PublishedAsync(long platformId, CancellationToken cancellationToken)
    {
        var jwt = await keyRing.PublishedAsync(KeyPurposes.CredentialJwt, platformId, cancellationToken);
        var di = await keyRing.PublishedAsync(KeyPurposes.CredentialDataIntegrity, platformId, cancellationToken);
        return [.. jwt.Concat(di).Select(ToPublic)];
    }

    /// <summary>Makes a new key sign for the purpose; the old ones stay published.</summary>
    public async Task<IssuerPublicKey> RotateAsync(long platformId, string purpose, CancellationToken cancellationToken)
    {
        var key = await keyRing.RotateAsync(purpose, platformId, AlgorithmFor(purpose), overlap: null, cancellationToken);
        _active.TryRemove((platformId, purpose), out _);
        return ToPublic(key);
    }

    /// <summary>The published form of a stored key (from its public JWK).</summary>
    public static IssuerPublicKey ToPublic(ToolKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var jwk = JsonNode.Parse(key.PublicJwk)!.AsObject();
        var status = key.IsActive ? IssuerKeyStatus.Active : IssuerKeyStatus.Retired;
        switch (key.Algorithm)
        {
            case "ES256":
                using (var ec = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = Member(jwk, "x"), Y = Member(jwk, "y") },
                }))
                {
                    return new IssuerPublicKey { KeyId = key.Kid, Algorithm = IssuerKeyAlgorithm.ES256, PublicKey = ec.ExportSubjectPublicKeyInfo(), Status = status };
                }

            case "RS256":
                using (var rsa = RSA.Create(new RSAParameters { Modulus = Member(jwk, "n"), Exponent = Member(jwk, "e") }))
                {
                    return new IssuerPublicKey { KeyId = key.Kid, Algorithm = IssuerKeyAlgorithm.RS256, PublicKey = rsa.ExportSubjectPublicKeyInfo(), Status = status };
                }

            case "EdDSA":
                return new IssuerPublicKey { KeyId = key.Kid, Algorithm = IssuerKeyAlgorithm.Ed25519, PublicKey = Member(jwk, "x"), Status = status };

            default:
                throw new InvalidOperationException($"Key {key.Kid} has an unknown algorithm {key.Algorithm}.");
        }
    }

    private IssuerSigningKey ToSigning(ToolKey key)
    {
        var published = ToPublic(key);
        byte[] privateKey;
        if (key.Algorithm == "EdDSA")
        {
            privateKey = keyRing.LoadEd25519PrivateKey(key);
        }
        else
        {
            var loaded = keyRing.LoadSecurityKey(key);
            privateKey = loaded switch
            {
                ECDsaSecurityKey ec => ec.ECDsa.ExportPkcs8PrivateKey(),
                RsaSecurityKey rsa => rsa.Rsa.ExportPkcs8PrivateKey(),
                _ => throw new InvalidOperationException($"Key {key.Kid} is not an EC or RSA key."),
            };
        }

        return new IssuerSigningKey { KeyId = key.Kid, Algorithm = published.Algorithm, PrivateKey = privateKey, PublicKey = published.PublicKey };
    }

    private static byte[] Member(JsonObject jwk, string name) =>
        Base64Url.DecodeFromChars((string?)jwk[name] ?? throw new InvalidOperationException($"The JWK has no '{name}'."));
}
