namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary><c>aud</c> contains our client id; with several audiences <c>azp</c> is required and must be our
/// client id; a present <c>azp</c> must always be our client id.</summary>
public sealed class AudienceStep : ILaunchValidationStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var message = context.RequireMessage();
        var clientId = context.RequireRegistration().ClientId;
        LtiError? error = null;
        if (!message.Audiences.Contains(clientId, StringComparer.Ordinal))
        {
            error = new LtiError(LtiErrorCodes.AudMismatch, "The id_token audience does not contain this tool's client id.");
        }
        else if (message.Audiences.Count > 1 && string.IsNullOrEmpty(message.AuthorizedParty))
        {
            error = new LtiError(LtiErrorCodes.AzpInvalid, "The id_token has several audiences but no azp.");
        }
        else if (message.AuthorizedParty is { } azp && !string.Equals(azp, clientId, StringComparison.Ordinal))
        {
            error = new LtiError(LtiErrorCodes.AzpInvalid, "The id_token azp is not this tool's client id.");
        }

        return ValueTask.FromResult(error);
    }
}
