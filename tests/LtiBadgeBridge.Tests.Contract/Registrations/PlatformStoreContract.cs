using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;

namespace LtiBadgeBridge.Tests.Contract.Registrations;

public abstract class PlatformStoreContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly PlatformStore _store = new(fixture.Database, TimeProvider.System);

    [Fact]
    public async Task Upsert_NewRegistration_IsFoundByIssuerAndClientId()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = await _store.UpsertAsync(TestData.Canvas(), ct);

        var found = await _store.FindAsync(saved.Issuer, saved.ClientId, ct);

        Assert.NotNull(found);
        Assert.Equal(saved.Id, found.Id);
        Assert.Equal(ProductFamilies.Canvas, found.ProductFamily);
        Assert.Equal("https://example.instructure.com/login/oauth2/token", found.EffectiveTokenAudience);
    }

    [Fact]
    public async Task Upsert_SameIssuerTwoClientIds_AreTwoRegistrations()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _store.UpsertAsync(TestData.Canvas(), ct);
        var second = await _store.UpsertAsync(TestData.Canvas(), ct);

        Assert.NotEqual(first.Id, second.Id);
        var sharing = await _store.FindByIssuerAsync("https://canvas.instructure.com", ct);
        Assert.Contains(sharing, p => p.Id == first.Id);
        Assert.Contains(sharing, p => p.Id == second.Id);
    }

    [Fact]
    public async Task Upsert_ExistingRegistration_UpdatesInPlace()
    {
        var ct = TestContext.Current.CancellationToken;
        var original = await _store.UpsertAsync(TestData.Moodle(), ct);

        var updated = await _store.UpsertAsync(original with { Name = "Renamed", GrantedScopes = "scope-a scope-b" }, ct);

        Assert.Equal(original.Id, updated.Id);
        Assert.Equal("Renamed", updated.Name);
        Assert.True(updated.HasScope("scope-b"));
        Assert.False(updated.HasScope("scope-c"));
    }

    [Fact]
    public async Task FindAsync_UnknownClientId_ReturnsNull()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = await _store.UpsertAsync(TestData.Canvas(), ct);

        Assert.Null(await _store.FindAsync(saved.Issuer, "not-a-client", ct));
    }

    [Fact]
    public async Task EnsureDeployment_ConcurrentFirstLaunches_RecordOneDeployment()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await _store.UpsertAsync(TestData.Canvas(), ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            _store.EnsureDeploymentAsync(platform.Id, "1:abcdef", DeploymentStatuses.Active, ct)));

        Assert.Single(results.Select(d => d.Id).Distinct());
        Assert.Single(await _store.ListDeploymentsAsync(platform.Id, ct));
    }

    [Fact]
    public async Task EnsureDeployment_Existing_KeepsItsStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await _store.UpsertAsync(TestData.Canvas(), ct);
        await _store.EnsureDeploymentAsync(platform.Id, "held", DeploymentStatuses.Pending, ct);

        var again = await _store.EnsureDeploymentAsync(platform.Id, "held", DeploymentStatuses.Active, ct);

        Assert.Equal(DeploymentStatuses.Pending, again.Status);
        Assert.True(await _store.SetDeploymentStatusAsync(platform.Id, "held", DeploymentStatuses.Active, ct));
        Assert.Equal(DeploymentStatuses.Active, (await _store.FindDeploymentAsync(platform.Id, "held", ct))!.Status);
    }

    [Fact]
    public async Task Deployments_AreScopedToTheirPlatform()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await _store.UpsertAsync(TestData.Canvas(), ct);
        var b = await _store.UpsertAsync(TestData.Canvas(), ct);
        await _store.EnsureDeploymentAsync(a.Id, "shared-id", DeploymentStatuses.Active, ct);

        Assert.Null(await _store.FindDeploymentAsync(b.Id, "shared-id", ct));
    }

    [Fact]
    public async Task Delete_RemovesRegistrationAndItsDeployments()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await _store.UpsertAsync(TestData.Moodle(), ct);
        await _store.EnsureDeploymentAsync(platform.Id, "7", DeploymentStatuses.Active, ct);

        Assert.True(await _store.DeleteAsync(platform.Id, ct));

        Assert.Null(await _store.GetAsync(platform.Id, ct));
        Assert.Empty(await _store.ListDeploymentsAsync(platform.Id, ct));
    }
}

public sealed class PlatformStoreOnSqlite(SqliteDatabase fixture) : PlatformStoreContract<SqliteDatabase>(fixture);

public sealed class PlatformStoreOnPostgres(PostgresDatabase fixture) : PlatformStoreContract<PostgresDatabase>(fixture);
