using System.Collections.Concurrent;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Testing.Lti;

/// <summary>An in-memory registration store for protocol tests.</summary>
public sealed class InMemoryRegistrationStore : ILtiRegistrationStore
{
    private readonly ConcurrentDictionary<(string Issuer, string ClientId), PlatformRegistration> _registrations = new();
    private readonly ConcurrentDictionary<(string RegistrationId, string DeploymentId), DeploymentState> _deployments = new();

    public void Add(PlatformRegistration registration, params string[] activeDeployments)
    {
        ArgumentNullException.ThrowIfNull(registration);
        _registrations[(registration.Issuer, registration.ClientId)] = registration;
        foreach (var deployment in activeDeployments)
        {
            _deployments[(registration.Id, deployment)] = DeploymentState.Active;
        }
    }

    public void SetDeployment(string registrationId, string deploymentId, DeploymentState state) =>
        _deployments[(registrationId, deploymentId)] = state;

    public DeploymentState? FindDeployment(string registrationId, string deploymentId) =>
        _deployments.TryGetValue((registrationId, deploymentId), out var state) ? state : null;

    public Task<PlatformRegistration?> FindRegistrationAsync(string issuer, string clientId, CancellationToken cancellationToken) =>
        Task.FromResult(_registrations.GetValueOrDefault((issuer, clientId)));

    public Task<DeploymentState> GetOrAddDeploymentAsync(
        string registrationId, string deploymentId, DeploymentState stateIfNew, CancellationToken cancellationToken) =>
        Task.FromResult(_deployments.GetOrAdd((registrationId, deploymentId), stateIfNew));
}

/// <summary>An in-memory nonce store with the same atomic consume-once behaviour a database must give.</summary>
public sealed class InMemoryNonceStore : ILtiNonceStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public Task IssueAsync(IssuedLogin login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        _entries[login.Nonce] = new Entry(login);
        return Task.CompletedTask;
    }

    public Task<NonceConsumption> TryConsumeAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(nonce, out var entry) || entry.Login.ExpiresAt <= now)
        {
            return Task.FromResult(NonceConsumption.Unknown);
        }

        return Task.FromResult(Interlocked.Exchange(ref entry.Consumed, 1) == 0
            ? NonceConsumption.Consumed(entry.Login)
            : NonceConsumption.Replayed);
    }

    private sealed class Entry(IssuedLogin login)
    {
        public readonly IssuedLogin Login = login;

        public int Consumed;
    }
}
