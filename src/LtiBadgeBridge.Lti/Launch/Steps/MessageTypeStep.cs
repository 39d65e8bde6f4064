namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>The message type is one the tool handles and the LTI version is 1.3.0.</summary>
public sealed class MessageTypeStep : ILaunchValidationStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var message = context.RequireMessage();
        LtiError? error = null;
        if (message.MessageType is not (LtiConstants.MessageTypes.ResourceLinkRequest or LtiConstants.MessageTypes.DeepLinkingRequest))
        {
            error = new LtiError(LtiErrorCodes.MessageTypeUnsupported, "The message type is missing or not supported by this tool.");
        }
        else if (message.Version != LtiConstants.LtiVersion)
        {
            error = new LtiError(LtiErrorCodes.VersionUnsupported, "The LTI version is missing or not 1.3.0.");
        }

        return ValueTask.FromResult(error);
    }
}
