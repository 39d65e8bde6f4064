namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary><c>iss</c> equals the registered issuer exactly (ordinal; no normalisation of case or slashes).</summary>
public sealed class IssuerStep : ILaunchValidationStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var issuer = context.RequireMessage().Issuer;
        var error = string.Equals(issuer, context.RequireRegistration().Issuer, StringComparison.Ordinal)
            ? null
            : new LtiError(LtiErrorCodes.IssMismatch, "The id_token issuer does not exactly match the registered issuer.");
        return ValueTask.FromResult(error);
    }
}
