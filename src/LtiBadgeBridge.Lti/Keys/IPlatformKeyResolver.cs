using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Lti.Keys;

/// <summary>Finds a platform's signing key by key set URL and kid.</summary>
public interface IPlatformKeyResolver
{
    /// <summary>The key, or <c>lti.kid_unknown</c> / <c>lti.keyset_unavailable</c>.</summary>
    Task<LtiResult<SecurityKey>> ResolveKeyAsync(Uri jwksUri, string kid, CancellationToken cancellationToken);
}
