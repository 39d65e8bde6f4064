using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace LtiBadgeBridge.Keys;

/// <summary>
/// Generates, protects, rotates and loads our signing keys. Private keys are encrypted with ASP.NET
/// Data Protection (its key ring lives in our database) before they touch storage. Rotation makes a new
/// key the signer and keeps the old public keys published for an overlap, so earlier signatures verify.
/// </summary>
public sealed class KeyRing(ToolKeyStore store, IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    private const string ProtectorPurpose = "LtiBadgeBridge.Keys.v1";
    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectorPurpose);

    /// <summary>The key that signs now for the purpose, created on first use.</summary>
    public async Task<ToolKey> EnsureActiveAsync(string purpose, long? platformId, string algorithm, CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(purpose, platformId, timeProvider.GetUtcNow(), cancellationToken);
        var active = keys.FirstOrDefault(k => k.IsActive);
        if (active is not null)
        {
            return active;
        }

        var created = Generate(purpose, platformId, algorithm);
        try
        {
            await store.InsertAsync(created, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException)
        {
            // Another process created one at the same moment; use the newest.
        }

        keys = await store.ListAsync(purpose, platformId, timeProvider.GetUtcNow(), cancellationToken);
        return keys.First(k => k.IsActive);
    }

    /// <summary>Creates a new signing key and retires the others; they stay published for <paramref name="overlap"/>.</summary>
    public async Task<ToolKey> RotateAsync(string purpose, long? platformId, string algorithm, TimeSpan? overlap, CancellationToken cancellationToken)
    {
        var created = Generate(purpose, platformId, algorithm);
        await store.InsertAsync(created, cancellationToken);
        var now = timeProvider.GetUtcNow();
        await store.RetireOthersAsync(purpose, platformId, created.Kid, now, overlap is null ? null : now + overlap.Value, cancellationToken);
        return created;
    }

    /// <summary>Every key still published for the purpose (active first, then retired within their overlap).</summary>
    public Task<IReadOnlyList<ToolKey>> PublishedAsync(string purpose, long? platformId, CancellationToken cancellationToken) =>
        store.ListAsync(purpose, platformId, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>A JWKS document of the published public keys.</summary>
    public static JsonObject ToJwks(IEnumerable<ToolKey> keys)
    {
        var array = new JsonArray();
        foreach (var key in keys)
        {
            array.Add(JsonNode.Parse(key.PublicJwk));
        }

        return new JsonObject { ["keys"] = array };
    }

    /// <summary>An RSA or EC signing key for Microsoft.IdentityModel, with its kid.</summary>
    public AsymmetricSecurityKey LoadSecurityKey(ToolKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var pkcs8 = _protector.Unprotect(Convert.FromBase64String(key.PrivateKeyProtected));
        try
        {
            switch (key.Algorithm)
            {
                case "RS256":
                    var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                    return new RsaSecurityKey(rsa) { KeyId = key.Kid };
                case "ES256":
                    var ec = ECDsa.Create();
                    ec.ImportPkcs8PrivateKey(pkcs8, out _);
                    return new ECDsaSecurityKey(ec) { KeyId = key.Kid };
                default:
                    throw new InvalidOperationException($"Key {key.Kid} is {key.Algorithm}, not an RSA or EC key.");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>The raw 32-byte Ed25519 private key (seed) of an EdDSA key.</summary>
    public byte[] LoadEd25519PrivateKey(ToolKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != "EdDSA")
        {
            throw new InvalidOperationException($"Key {key.Kid} is {key.Algorithm}, not Ed25519.");
        }

        return _protector.Unprotect(Convert.FromBase64String(key.PrivateKeyProtected));
    }

    private ToolKey Generate(string purpose, long? platformId, string algorithm)
    {
        var now = timeProvider.GetUtcNow();
        var kid = $"{purpose}-{now:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}";
        byte[] privateBytes;
        JsonObject jwk;
        switch (algorithm)
        {
            case "RS256":
            {
                using var rsa = RSA.Create(2048);
                privateBytes = rsa.ExportPkcs8PrivateKey();
                var p = rsa.ExportParameters(false);
                jwk = new JsonObject { ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent) };
                break;
            }

            case "ES256":
            {
                using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                privateBytes = ec.ExportPkcs8PrivateKey();
                var p = ec.ExportParameters(false);
                jwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y) };
                break;
            }

            case "EdDSA":
            {
                using var ed = NSec.Cryptography.Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
                privateBytes = ed.Export(KeyBlobFormat.RawPrivateKey);
                jwk = new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = Base64UrlEncoder.Encode(ed.PublicKey.Export(KeyBlobFormat.RawPublicKey)) };
                break;
            }

            default:
                throw new ArgumentException($"Unsupported key algorithm '{algorithm}': use RS256, ES256 or EdDSA.", nameof(algorithm));
        }

        jwk["kid"] = kid;
        jwk["alg"] = algorithm;
        jwk["use"] = "sig";
        try
        {
            return new ToolKey
            {
                Kid = kid,
                Purpose = purpose,
                PlatformId = platformId,
                Algorithm = algorithm,
                PublicJwk = jwk.ToJsonString(),
                PrivateKeyProtected = Convert.ToBase64String(_protector.Protect(privateBytes)),
                CreatedAt = now,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateBytes);
        }
    }
}
