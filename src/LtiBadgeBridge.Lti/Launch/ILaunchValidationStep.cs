namespace LtiBadgeBridge.Lti.Launch;

/// <summary>One ordered step of launch validation. Returns null to continue, or the failure.</summary>
public interface ILaunchValidationStep
{
    ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken);
}
