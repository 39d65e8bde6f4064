using LtiBadgeBridge.Lti.Login;

namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>The nonce was issued by us for this browser's login and is consumed exactly once (atomically in
/// the store). The login it belongs to must match the posted state, the issuer and the client id.</summary>
public sealed class NonceStep(ILtiNonceStore nonces, TimeProvider timeProvider) : ILaunchValidationStep
{
    public async ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var message = context.RequireMessage();
        var registration = context.RequireRegistration();
        if (string.IsNullOrEmpty(message.Nonce))
        {
            return new LtiError(LtiErrorCodes.NonceMissing, "The id_token has no nonce.");
        }

        var consumption = await nonces.TryConsumeAsync(message.Nonce, timeProvider.GetUtcNow(), cancellationToken);
        switch (consumption.Outcome)
        {
            case NonceOutcome.Replayed:
                return new LtiError(LtiErrorCodes.NonceReplayed, "This id_token was already used.");
            case NonceOutcome.Unknown:
                return new LtiError(LtiErrorCodes.NonceUnknown, "The nonce was not issued by this tool or has expired.");
        }

        var login = consumption.Login ?? throw new InvalidOperationException("A consumed nonce must carry its login.");
        if (!string.Equals(login.State, context.Request.PostedState, StringComparison.Ordinal))
        {
            return new LtiError(LtiErrorCodes.StateMismatch, "The nonce belongs to another login.");
        }

        if (!string.Equals(login.Issuer, registration.Issuer, StringComparison.Ordinal))
        {
            return new LtiError(LtiErrorCodes.IssMismatch, "The login was started for another issuer.");
        }

        if (!string.Equals(login.ClientId, registration.ClientId, StringComparison.Ordinal))
        {
            return new LtiError(LtiErrorCodes.AudMismatch, "The login was started for another client id.");
        }

        context.Login = login;
        return null;
    }
}
