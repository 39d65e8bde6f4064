using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>Finds the registration for the (still unverified) <c>iss</c> and one of the <c>aud</c> values,
/// so that the signature can be checked with that platform's key set.</summary>
public sealed class RegistrationStep(ILtiRegistrationStore registrations) : ILaunchValidationStep
{
    private const int MaxAudiencesTried = 5;

    public async ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var message = context.RequireMessage();
        if (string.IsNullOrEmpty(message.Issuer) || message.Audiences.Count == 0)
        {
            return new LtiError(LtiErrorCodes.RegistrationUnknown, "The id_token has no iss or aud.");
        }

        // With several audiences, azp names the intended client; try it first.
        var candidates = message.AuthorizedParty is { Length: > 0 } azp
            ? message.Audiences.Where(a => a == azp).Concat(message.Audiences.Where(a => a != azp))
            : message.Audiences;
        foreach (var clientId in candidates.Take(MaxAudiencesTried))
        {
            var registration = await registrations.FindRegistrationAsync(message.Issuer, clientId, cancellationToken);
            if (registration is not null)
            {
                context.Registration = registration;
                return null;
            }
        }

        return new LtiError(LtiErrorCodes.RegistrationUnknown, "No platform is registered with this issuer and client id.");
    }
}
