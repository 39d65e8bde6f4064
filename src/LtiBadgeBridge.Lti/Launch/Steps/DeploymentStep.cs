using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>The deployment is known and active for the registration. A new deployment of a known
/// registration is recorded as active or pending according to the registration's policy.</summary>
public sealed class DeploymentStep(ILtiRegistrationStore registrations) : ILaunchValidationStep
{
    private const int MaxDeploymentIdLength = 255;

    public async ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var deploymentId = context.RequireMessage().DeploymentId;
        var registration = context.RequireRegistration();
        if (string.IsNullOrEmpty(deploymentId))
        {
            return new LtiError(LtiErrorCodes.DeploymentMissing, "The id_token has no deployment_id.");
        }

        if (deploymentId.Length > MaxDeploymentIdLength)
        {
            return new LtiError(LtiErrorCodes.DeploymentUnknown, "The deployment_id is too long.");
        }

        var stateIfNew = registration.DeploymentPolicy == DeploymentPolicy.RecordAutomatically ? DeploymentState.Active : DeploymentState.Pending;
        var state = await registrations.GetOrAddDeploymentAsync(registration.Id, deploymentId, stateIfNew, cancellationToken);
        return state switch
        {
            DeploymentState.Active => null,
            DeploymentState.Pending => new LtiError(LtiErrorCodes.DeploymentPending, "This deployment awaits approval by an administrator."),
            _ => new LtiError(LtiErrorCodes.DeploymentUnknown, "This deployment is not enabled for the platform."),
        };
    }
}
