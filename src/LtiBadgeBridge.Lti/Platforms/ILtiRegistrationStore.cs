namespace LtiBadgeBridge.Lti.Platforms;

/// <summary>The storage the protocol needs for registrations and deployments.</summary>
public interface ILtiRegistrationStore
{
    /// <summary>The registration with exactly this issuer and client id (ordinal comparison), or null.</summary>
    Task<PlatformRegistration?> FindRegistrationAsync(string issuer, string clientId, CancellationToken cancellationToken);

    /// <summary>Atomically returns the state of the deployment for the registration, first recording it with
    /// <paramref name="stateIfNew"/> when it is not known (insert-if-absent, then read).</summary>
    Task<DeploymentState> GetOrAddDeploymentAsync(
        string registrationId, string deploymentId, DeploymentState stateIfNew, CancellationToken cancellationToken);
}
