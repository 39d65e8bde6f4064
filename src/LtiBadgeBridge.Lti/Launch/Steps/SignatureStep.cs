using LtiBadgeBridge.Lti.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>The signature verifies with the registered platform key set. The algorithm must be allowed by
/// the registration (RS256 by default; never <c>none</c> or HMAC). The key is chosen by <c>kid</c> from the
/// registered key set URL only: <c>jku</c>, <c>x5u</c>, <c>jwk</c> and <c>x5c</c> headers are ignored.</summary>
public sealed class SignatureStep(IPlatformKeyResolver keys) : ILaunchValidationStep
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var token = context.RequireToken();
        var registration = context.RequireRegistration();

        var alg = token.Alg;
        if (!IsAsymmetric(alg) || !registration.AllowedAlgorithms.Contains(alg, StringComparer.Ordinal))
        {
            return new LtiError(LtiErrorCodes.AlgNotAllowed, "The id_token's signing algorithm is not allowed for this platform.");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return new LtiError(LtiErrorCodes.KidMissing, "The id_token header has no kid.");
        }

        var key = await keys.ResolveKeyAsync(registration.JwksUri, token.Kid, cancellationToken);
        if (!key.IsSuccess)
        {
            return key.Error;
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = key.Value,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = registration.AllowedAlgorithms,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateTokenReplay = false,
        };
        var result = await Handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? null : new LtiError(LtiErrorCodes.SignatureInvalid, "The id_token signature does not verify.");
    }

    private static bool IsAsymmetric(string alg) =>
        alg is SecurityAlgorithms.RsaSha256 or SecurityAlgorithms.RsaSha384 or SecurityAlgorithms.RsaSha512
            or SecurityAlgorithms.EcdsaSha256 or SecurityAlgorithms.EcdsaSha384 or SecurityAlgorithms.EcdsaSha512
            or SecurityAlgorithms.RsaSsaPssSha256 or SecurityAlgorithms.RsaSsaPssSha384 or SecurityAlgorithms.RsaSsaPssSha512;
}
