namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>A <c>target_link_uri</c>, when present, points at this tool's own host: never redirect a
/// launched user elsewhere.</summary>
public sealed class TargetLinkUriStep(LtiToolOptions options) : ILaunchValidationStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var target = context.RequireMessage().TargetLinkUri;
        LtiError? error = null;
        if (!string.IsNullOrEmpty(target)
            && !(Uri.TryCreate(target, UriKind.Absolute, out var uri) && options.IsOwnUri(uri)))
        {
            error = new LtiError(LtiErrorCodes.TargetLinkUriForeign, "The target_link_uri is not on this tool's host.");
        }

        return ValueTask.FromResult(error);
    }
}
