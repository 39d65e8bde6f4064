using System.Globalization;
using LtiBadgeBridge.Launch;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Contract.Lti;

/// <summary>The protocol's store contract on the real database stores.</summary>
public abstract class DatabaseLtiStoreContract<TDatabase>(TDatabase fixture) : LtiStoreContract, IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly FakeTimeProvider _clock = new(Now);
    private string? _registrationId;

    protected override string RegistrationId => _registrationId ?? throw new InvalidOperationException("Create a store first.");

    protected override async Task<ILtiNonceStore> CreateNonceStoreAsync()
    {
        var platforms = await SeedAsync();
        return new DatabaseLtiNonceStore(new LaunchStateStore(fixture.Database, _clock), platforms, _clock);
    }

    protected override async Task<ILtiRegistrationStore> CreateRegistrationStoreAsync() =>
        new DatabaseLtiRegistrationStore(await SeedAsync());

    private async Task<PlatformStore> SeedAsync()
    {
        var platforms = new PlatformStore(fixture.Database, _clock);
        var saved = await platforms.UpsertAsync(
            new LtiBadgeBridge.Registrations.PlatformRegistration
            {
                Issuer = Registration.Issuer,
                ClientId = Registration.ClientId,
                Name = "Contract Canvas",
                ProductFamily = ProductFamilies.Canvas,
                AuthorizationEndpoint = Registration.AuthorizationEndpoint.AbsoluteUri,
                TokenEndpoint = Registration.TokenEndpoint.AbsoluteUri,
                TokenAudience = Registration.TokenAudience,
                JwksUri = Registration.JwksUri.AbsoluteUri,
            },
            TestContext.Current.CancellationToken);
        _registrationId = saved.Id.ToString(CultureInfo.InvariantCulture);
        return platforms;
    }

    [Fact]
    public async Task RegistrationStore_MapsStoredFieldsToTheProtocol()
    {
        var ct = TestContext.Current.CancellationToken;
        var platforms = new PlatformStore(fixture.Database, _clock);
        await platforms.UpsertAsync(
            new LtiBadgeBridge.Registrations.PlatformRegistration
            {
                Issuer = "https://moodle.mapping.example",
                ClientId = "map-1",
                Name = "Mapping",
                ProductFamily = ProductFamilies.Moodle,
                AuthorizationEndpoint = "https://moodle.mapping.example/mod/lti/auth.php",
                TokenEndpoint = "https://moodle.mapping.example/mod/lti/token.php",
                JwksUri = "https://moodle.mapping.example/mod/lti/certs.php",
                DeploymentPolicy = DeploymentPolicies.Approve,
                GrantedScopes = "scope-a scope-b",
            },
            ct);

        var found = await new DatabaseLtiRegistrationStore(platforms).FindRegistrationAsync("https://moodle.mapping.example", "map-1", ct);

        Assert.NotNull(found);
        Assert.Equal(ProductFamily.Moodle, found.ProductFamily);
        Assert.Equal(DeploymentPolicy.RequireApproval, found.DeploymentPolicy);
        Assert.Equal(["scope-a", "scope-b"], found.GrantedScopes);
        Assert.Equal(["RS256"], found.AllowedAlgorithms);
    }
}

public sealed class DatabaseLtiStoreOnSqlite(SqliteDatabase fixture) : DatabaseLtiStoreContract<SqliteDatabase>(fixture);

public sealed class DatabaseLtiStoreOnPostgres(PostgresDatabase fixture) : DatabaseLtiStoreContract<PostgresDatabase>(fixture);
