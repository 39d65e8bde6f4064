using LtiBadgeBridge.Launch;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Contract.Launch;

public abstract class LaunchStateStoreContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    private async Task<(LaunchStateStore Store, LaunchState State)> IssueAsync(CancellationToken ct)
    {
        var platform = await new PlatformStore(fixture.Database, _clock).UpsertAsync(TestData.Canvas(), ct);
        var store = new LaunchStateStore(fixture.Database, _clock);
        var state = new LaunchState
        {
            State = Guid.NewGuid().ToString("N"),
            Nonce = Guid.NewGuid().ToString("N"),
            PlatformId = platform.Id,
            TargetLinkUri = "https://tool.example/launch",
            CreatedAt = _clock.GetUtcNow(),
            ExpiresAt = _clock.GetUtcNow().AddMinutes(10),
        };
        await store.CreateAsync(state, ct);
        return (store, state);
    }

    [Fact]
    public async Task TryConsumeNonce_FirstUse_ReturnsTheState()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, issued) = await IssueAsync(ct);

        var consumed = await store.TryConsumeNonceAsync(issued.Nonce, ct);

        Assert.NotNull(consumed);
        Assert.Equal(issued.State, consumed.State);
        Assert.Equal(_clock.GetUtcNow(), consumed.ConsumedAt);
    }

    [Fact]
    public async Task TryConsumeNonce_Replayed_IsRefusedAndRecognisedAsUsed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, issued) = await IssueAsync(ct);
        await store.TryConsumeNonceAsync(issued.Nonce, ct);

        var replay = await store.TryConsumeNonceAsync(issued.Nonce, ct);

        Assert.Null(replay);
        Assert.NotNull((await store.FindByNonceAsync(issued.Nonce, ct))!.ConsumedAt);
    }

    [Fact]
    public async Task TryConsumeNonce_ConcurrentPosts_ExactlyOneWins()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, issued) = await IssueAsync(ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => store.TryConsumeNonceAsync(issued.Nonce, ct), ct)));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task TryConsumeNonce_Expired_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, issued) = await IssueAsync(ct);
        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Null(await store.TryConsumeNonceAsync(issued.Nonce, ct));
    }

    [Fact]
    public async Task TryConsumeNonce_Unknown_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, _) = await IssueAsync(ct);

        Assert.Null(await store.TryConsumeNonceAsync("never-issued", ct));
        Assert.Null(await store.FindByNonceAsync("never-issued", ct));
    }

    [Fact]
    public async Task PurgeExpired_RemovesOnlyRowsExpiredBeforeTheCutoff()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, old) = await IssueAsync(ct);
        _clock.Advance(TimeSpan.FromHours(2));
        var (_, fresh) = await IssueAsync(ct);

        await store.PurgeExpiredAsync(_clock.GetUtcNow() - TimeSpan.FromHours(1), ct);

        Assert.Null(await store.FindByStateAsync(old.State, ct));
        Assert.NotNull(await store.FindByStateAsync(fresh.State, ct));
    }
}

public sealed class LaunchStateStoreOnSqlite(SqliteDatabase fixture) : LaunchStateStoreContract<SqliteDatabase>(fixture);

public sealed class LaunchStateStoreOnPostgres(PostgresDatabase fixture) : LaunchStateStoreContract<PostgresDatabase>(fixture);
