using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;
using Xunit;

namespace LtiBadgeBridge.Testing.Lti;

/// <summary>The behaviour every implementation of the LTI stores must have. Derive once per database and
/// implement the factories; the registration the tests use must be added by <see cref="CreateRegistrationStoreAsync"/>.</summary>
public abstract class LtiStoreContract
{
    protected static readonly PlatformRegistration Registration = new()
    {
        Id = "contract-reg-1",
        Issuer = "https://canvas.instructure.com",
        ClientId = "10000000000042",
        AuthorizationEndpoint = new Uri("https://sso.canvaslms.com/api/lti/authorize_redirect"),
        TokenEndpoint = new Uri("https://school.instructure.com/login/oauth2/token"),
        JwksUri = new Uri("https://sso.canvaslms.com/api/lti/security/jwks"),
        TokenAudience = "https://canvas.instructure.com/login/oauth2/token",
        ProductFamily = ProductFamily.Canvas,
    };

    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The id under which the store holds <see cref="Registration"/> (a database assigns its own).</summary>
    protected virtual string RegistrationId => Registration.Id;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A nonce store over an empty database.</summary>
    protected abstract Task<ILtiNonceStore> CreateNonceStoreAsync();

    /// <summary>A registration store holding exactly <see cref="Registration"/> and no deployments.</summary>
    protected abstract Task<ILtiRegistrationStore> CreateRegistrationStoreAsync();

    [Fact]
    public async Task NonceStore_IssuedNonce_IsConsumedOnceWithItsLogin()
    {
        var store = await CreateNonceStoreAsync();
        var login = Login("n-1");
        await store.IssueAsync(login, Cancel);

        var first = await store.TryConsumeAsync("n-1", Now, Cancel);
        var second = await store.TryConsumeAsync("n-1", Now, Cancel);

        Check.Equal(NonceOutcome.Consumed, first.Outcome);
        Check.Equal(login, first.Login);
        Check.Equal(NonceOutcome.Replayed, second.Outcome);
    }

    [Fact]
    public async Task NonceStore_UnknownNonce_IsUnknown()
    {
        var store = await CreateNonceStoreAsync();

        Check.Equal(NonceOutcome.Unknown, (await store.TryConsumeAsync("never-issued", Now, Cancel)).Outcome);
    }

    [Fact]
    public async Task NonceStore_ExpiredNonce_IsUnknown()
    {
        var store = await CreateNonceStoreAsync();
        await store.IssueAsync(Login("n-2"), Cancel);

        var result = await store.TryConsumeAsync("n-2", Now.AddMinutes(11), Cancel);

        Check.Equal(NonceOutcome.Unknown, result.Outcome);
    }

    [Fact]
    public async Task NonceStore_ConcurrentConsumers_ExactlyOneWins()
    {
        var store = await CreateNonceStoreAsync();
        await store.IssueAsync(Login("n-3"), Cancel);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.TryConsumeAsync("n-3", Now, Cancel))));

        Check.Equal(1, results.Count(r => r.Outcome == NonceOutcome.Consumed));
        Check.True(results.Where(r => r.Outcome != NonceOutcome.Consumed).All(r => r.Outcome == NonceOutcome.Replayed), "every loser sees Replayed");
    }

    [Fact]
    public async Task RegistrationStore_FindsByExactIssuerAndClientId()
    {
        var store = await CreateRegistrationStoreAsync();

        var found = await store.FindRegistrationAsync(Registration.Issuer, Registration.ClientId, Cancel);

        Check.Equal(RegistrationId, found?.Id);
        Check.Equal(Registration.JwksUri, found?.JwksUri);
        Check.Null(await store.FindRegistrationAsync(Registration.Issuer, "other-client", Cancel));
        Check.Null(await store.FindRegistrationAsync(Registration.Issuer.ToUpperInvariant(), Registration.ClientId, Cancel));
        Check.Null(await store.FindRegistrationAsync(Registration.Issuer + "/", Registration.ClientId, Cancel));
    }

    [Fact]
    public async Task RegistrationStore_GetOrAddDeployment_RecordsOnceAndKeepsTheFirstState()
    {
        var store = await CreateRegistrationStoreAsync();

        var first = await store.GetOrAddDeploymentAsync(RegistrationId, "dep-1", DeploymentState.Pending, Cancel);
        var second = await store.GetOrAddDeploymentAsync(RegistrationId, "dep-1", DeploymentState.Active, Cancel);

        Check.Equal(DeploymentState.Pending, first);
        Check.Equal(DeploymentState.Pending, second);
    }

    [Fact]
    public async Task RegistrationStore_ConcurrentNewDeployment_IsRecordedOnce()
    {
        var store = await CreateRegistrationStoreAsync();

        var states = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            store.GetOrAddDeploymentAsync(RegistrationId, "dep-race", i == 0 ? DeploymentState.Pending : DeploymentState.Active, Cancel))));

        Check.Equal(1, states.Distinct().Count());
    }

    /// <summary>Assertions without a dependency on an assertion library (this is a support library).</summary>
    private static class Check
    {
        public static void Equal<T>(T expected, T actual, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(actual))] string? what = null)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                throw new InvalidOperationException($"{what}: expected {expected}, got {actual}.");
            }
        }

        public static void Null(object? actual, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(actual))] string? what = null)
        {
            if (actual is not null)
            {
                throw new InvalidOperationException($"{what}: expected null, got {actual}.");
            }
        }

        public static void True(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"Expected {what}.");
            }
        }
    }

    private IssuedLogin Login(string nonce) => new()
    {
        State = "state-" + nonce,
        Nonce = nonce,
        RegistrationId = RegistrationId,
        Issuer = Registration.Issuer,
        ClientId = Registration.ClientId,
        TargetLinkUri = "https://tool.example.org/lti/launch",
        ExpiresAt = Now.AddMinutes(10),
    };
}
