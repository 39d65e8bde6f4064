using System.Security.Cryptography;
using System.Text.Json;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Lti.Keys;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Lti;

/// <summary>The tool's LTI key set from the <see cref="KeyRing"/> (purpose <c>lti</c>, RS256): the key is
/// generated on first use; retired keys stay published within their overlap. The decrypted set is cached
/// briefly so that rotation by another process shows within <see cref="CacheLifetime"/>.</summary>
public sealed class KeyRingToolKeySetProvider(KeyRing keyRing, TimeProvider timeProvider) : IToolKeySetProvider, IDisposable
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ToolKeySet KeySet, DateTimeOffset LoadedAt)? _cached;

    public async ValueTask<ToolKeySet> GetKeySetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && timeProvider.GetUtcNow() - hit.LoadedAt < CacheLifetime)
        {
            return hit.KeySet;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && timeProvider.GetUtcNow() - again.LoadedAt < CacheLifetime)
            {
                return again.KeySet;
            }

            var keySet = await LoadAsync(cancellationToken);
            _cached = (keySet, timeProvider.GetUtcNow());
            return keySet;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached set (after a rotation in this process).</summary>
    public void Invalidate() => _cached = null;

    public void Dispose() => _gate.Dispose();

    private async Task<ToolKeySet> LoadAsync(CancellationToken cancellationToken)
    {
        var active = await keyRing.EnsureActiveAsync(KeyPurposes.Lti, null, SecurityAlgorithms.RsaSha256, cancellationToken);
        var published = await keyRing.PublishedAsync(KeyPurposes.Lti, null, cancellationToken);
        var keys = new List<LtiBadgeBridge.Lti.Keys.ToolKey>();
        foreach (var key in published.Where(k => k.Algorithm == SecurityAlgorithms.RsaSha256))
        {
            if (key.Kid == active.Kid)
            {
                var securityKey = (RsaSecurityKey)keyRing.LoadSecurityKey(key);
                using var rsa = securityKey.Rsa;
                keys.Add(new LtiBadgeBridge.Lti.Keys.ToolKey(key.Kid, rsa.ExportParameters(includePrivateParameters: true), ToolKeyStatus.Active));
            }
            else
            {
                keys.Add(new LtiBadgeBridge.Lti.Keys.ToolKey(key.Kid, PublicParameters(key.PublicJwk), ToolKeyStatus.Retired));
            }
        }

        return new ToolKeySet(keys);
    }

    private static RSAParameters PublicParameters(string jwk)
    {
        using var document = JsonDocument.Parse(jwk);
        return new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(document.RootElement.GetProperty("n").GetString()),
            Exponent = Base64UrlEncoder.DecodeBytes(document.RootElement.GetProperty("e").GetString()),
        };
    }
}
