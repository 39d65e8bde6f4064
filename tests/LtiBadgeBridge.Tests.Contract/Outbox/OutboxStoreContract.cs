using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Contract.Outbox;

public abstract class OutboxStoreContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    private async Task<(OutboxStore Store, long PlatformId, string Kind)> ArrangeAsync(CancellationToken ct)
    {
        var platform = await new PlatformStore(fixture.Database, _clock).UpsertAsync(TestData.Canvas(), ct);
        return (new OutboxStore(fixture.Database, _clock), platform.Id, $"kind-{Guid.NewGuid():N}");
    }

    [Fact]
    public async Task Enqueue_SameDedupeKeyTwice_KeepsOneMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, platformId, kind) = await ArrangeAsync(ct);
        var key = $"award:{Guid.NewGuid():N}";

        Assert.True(await store.EnqueueAsync(platformId, kind, key, "{}", ct));
        Assert.False(await store.EnqueueAsync(platformId, kind, key, "{\"other\":1}", ct));

        var claimed = await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct);
        Assert.Single(claimed);
        Assert.Equal("{}", claimed[0].Payload);
    }

    [Fact]
    public async Task Claim_ConcurrentWorkers_NeverShareAMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, platformId, kind) = await ArrangeAsync(ct);
        for (var i = 0; i < 60; i++)
        {
            await store.EnqueueAsync(platformId, kind, $"{kind}:{i}", "{}", ct);
        }

        var batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.ClaimAsync(kind, 15, TimeSpan.FromMinutes(1), ct), ct)));

        var ids = batches.SelectMany(b => b).Select(m => m.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(60, ids.Count);
    }

    [Fact]
    public async Task Claim_LeaseExpired_MessageIsClaimedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, platformId, kind) = await ArrangeAsync(ct);
        await store.EnqueueAsync(platformId, kind, $"{kind}:lease", "{}", ct);
        Assert.Single(await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct));
        Assert.Empty(await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct));

        _clock.Advance(TimeSpan.FromMinutes(2));

        var again = Assert.Single(await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct));
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task MarkProcessed_MessageIsNotClaimedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, platformId, kind) = await ArrangeAsync(ct);
        await store.EnqueueAsync(platformId, kind, $"{kind}:done", "{}", ct);
        var message = Assert.Single(await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct));

        await store.MarkProcessedAsync(message.Id, ct);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct));
        Assert.DoesNotContain(kind, await store.PendingKindsAsync(ct));
    }

    [Fact]
    public async Task MarkFailed_MessageWaitsForItsRetryTime()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, platformId, kind) = await ArrangeAsync(ct);
        await store.EnqueueAsync(platformId, kind, $"{kind}:retry", "{}", ct);
        var message = Assert.Single(await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct));

        await store.MarkFailedAsync(message.Id, "LMS answered 503", TimeSpan.FromMinutes(3), ct);

        Assert.Empty(await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct));
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Contains(kind, await store.PendingKindsAsync(ct));
        var retried = Assert.Single(await store.ClaimAsync(kind, 10, TimeSpan.FromMinutes(1), ct));
        Assert.Equal("LMS answered 503", retried.LastError);
    }
}

public sealed class OutboxStoreOnSqlite(SqliteDatabase fixture) : OutboxStoreContract<SqliteDatabase>(fixture);

public sealed class OutboxStoreOnPostgres(PostgresDatabase fixture) : OutboxStoreContract<PostgresDatabase>(fixture);
