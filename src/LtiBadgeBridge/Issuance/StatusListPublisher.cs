using System.Collections.Concurrent;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Keys;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// The signed <c>BitstringStatusListCredential</c> (VC-JWT, the issuer's active ES256 key) served at a list URL.
/// Re-signed whenever the list changes (a revocation bumps <c>updated_at</c>), so a revocation shows at once.
/// </summary>
public sealed class StatusListPublisher(StatusListStore store, IssuerKeyService keys, IssuanceSettings settings, VcJwtSigner signer)
{
    private readonly ConcurrentDictionary<(long, long), (DateTimeOffset UpdatedAt, string Kid, string Jwt)> _signed = new();

    /// <summary>The compact JWS of the list, or null when the list does not exist for the platform.</summary>
    public async Task<string?> SignedListAsync(long platformId, long listId, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(platformId, listId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var key = await keys.ActiveAsync(platformId, KeyPurposes.CredentialJwt, cancellationToken);
        if (_signed.TryGetValue((platformId, listId), out var cached) && cached.UpdatedAt == row.UpdatedAt && cached.Kid == key.KeyId)
        {
            return cached.Jwt;
        }

        var did = settings.IssuerDid(platformId);
        var credential = StatusListCredentialBuilder.Build(
            settings.StatusListUrl(platformId, listId), did, row.Purpose, BitstringStatusList.FromBytes(row.Bits), row.UpdatedAt);
        var jwt = (await signer.SignAsync(credential, did, key, cancellationToken)).Jwt!;
        _signed[(platformId, listId)] = (row.UpdatedAt, key.KeyId, jwt);
        return jwt;
    }
}
