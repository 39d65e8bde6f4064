using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Testing.Lti;

/// <summary>Resolves platform keys from a fixed key set, without HTTP (unit tests).</summary>
public sealed class StaticPlatformKeyResolver(string jwksJson) : IPlatformKeyResolver
{
    private readonly JsonWebKeySet _keys = new(jwksJson);

    public Task<LtiResult<SecurityKey>> ResolveKeyAsync(Uri jwksUri, string kid, CancellationToken cancellationToken)
    {
        var key = _keys.Keys.FirstOrDefault(k => k.Kid == kid);
        return Task.FromResult(key is null
            ? LtiResult<SecurityKey>.Fail(LtiErrorCodes.KidUnknown, "unknown kid")
            : LtiResult<SecurityKey>.Ok(key));
    }
}
