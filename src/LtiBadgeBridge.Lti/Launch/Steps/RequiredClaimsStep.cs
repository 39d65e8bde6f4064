namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>The claims the message type requires: <c>sub</c> and <c>roles</c> always (roles may be empty);
/// <c>resource_link.id</c> and <c>target_link_uri</c> for a resource link launch; <c>deep_linking_settings</c>
/// with a return URL for a deep linking request. <c>context</c> is optional (LTI 1.3 Core).</summary>
public sealed class RequiredClaimsStep : ILaunchValidationStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var message = context.RequireMessage();
        string? missing = null;
        if (string.IsNullOrEmpty(message.Subject))
        {
            missing = "sub";
        }
        else if (message.Roles is null)
        {
            missing = "roles";
        }
        else if (message.IsDeepLinkingRequest)
        {
            if (message.DeepLinkingSettings is null)
            {
                missing = "deep_linking_settings";
            }
        }
        else if (message.ResourceLink is null)
        {
            missing = "resource_link";
        }
        else if (string.IsNullOrEmpty(message.TargetLinkUri))
        {
            missing = "target_link_uri";
        }

        var error = missing is null ? null : new LtiError(LtiErrorCodes.ClaimMissing, $"The required claim {missing} is missing or malformed.");
        return ValueTask.FromResult(error);
    }
}
