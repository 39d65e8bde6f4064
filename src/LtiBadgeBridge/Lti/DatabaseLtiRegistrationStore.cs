using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Registrations;

namespace LtiBadgeBridge.Lti;

/// <summary>The protocol's registration store over <see cref="PlatformStore"/>: issuer and client id are
/// matched exactly (ordinal, as the database compares text); new deployments are recorded insert-if-absent.</summary>
public sealed class DatabaseLtiRegistrationStore(PlatformStore platforms) : ILtiRegistrationStore
{
    public async Task<LtiBadgeBridge.Lti.Platforms.PlatformRegistration?> FindRegistrationAsync(string issuer, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(clientId);
        var stored = await platforms.FindAsync(issuer, clientId, cancellationToken);

        // Belt and braces: a database collation must never turn a near-miss issuer into a match.
        return stored is not null && string.Equals(stored.Issuer, issuer, StringComparison.Ordinal)
            && string.Equals(stored.ClientId, clientId, StringComparison.Ordinal)
            ? RegistrationMapping.ToProtocol(stored)
            : null;
    }

    public async Task<DeploymentState> GetOrAddDeploymentAsync(string registrationId, string deploymentId, DeploymentState stateIfNew, CancellationToken cancellationToken)
    {
        var platformId = RegistrationMapping.ParseId(registrationId)
            ?? throw new ArgumentException("Not a stored registration id.", nameof(registrationId));
        var deployment = await platforms.EnsureDeploymentAsync(platformId, deploymentId, RegistrationMapping.ToStatus(stateIfNew), cancellationToken);
        return RegistrationMapping.FromStatus(deployment.Status);
    }
}
