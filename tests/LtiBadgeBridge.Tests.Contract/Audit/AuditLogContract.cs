using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Contract.Audit;

/// <summary>The audit log's paged, filtered reading (what the admin console shows) on every database.</summary>
public abstract class AuditLogContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Page_NewestFirst_ScopedToPlatformAndAction_WithOffset()
    {
        var ct = TestContext.Current.CancellationToken;
        var platforms = new PlatformStore(fixture.Database, _clock);
        var mine = await platforms.UpsertAsync(TestData.Canvas($"audit-{Guid.NewGuid():N}"), ct);
        var other = await platforms.UpsertAsync(TestData.Canvas($"audit-{Guid.NewGuid():N}"), ct);
        var log = new AuditLog(fixture.Database, _clock);
        var rotated = $"key.rotated.{Guid.NewGuid():N}";
        var saved = $"profile.saved.{Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++)
        {
            await log.RecordAsync(mine.Id, "operator", rotated, $"kid-{i}", null, ct);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await log.RecordAsync(mine.Id, "operator", saved, "profile", null, ct);
        await log.RecordAsync(other.Id, "operator", rotated, "kid-other", null, ct);

        var first = await log.PageAsync(mine.Id, rotated, 0, 2, ct);
        var second = await log.PageAsync(mine.Id, rotated, 2, 2, ct);
        var everything = await log.PageAsync(mine.Id, null, 0, 10, ct);
        var acrossPlatforms = await log.PageAsync(null, rotated, 0, 10, ct);
        var actions = await log.ListActionsAsync(mine.Id, ct);

        Assert.Equal(["kid-2", "kid-1"], first.Select(e => e.Target));
        Assert.Equal(["kid-0"], second.Select(e => e.Target));
        Assert.Equal(["profile", "kid-2", "kid-1", "kid-0"], everything.Select(e => e.Target));
        Assert.Equal(4, acrossPlatforms.Count);
        Assert.Contains(acrossPlatforms, e => e.Target == "kid-other" && e.PlatformId == other.Id);
        Assert.Equal(new[] { rotated, saved }.Order(StringComparer.Ordinal), actions);
    }
}

public sealed class AuditLogOnSqlite(SqliteDatabase fixture) : AuditLogContract<SqliteDatabase>(fixture);

public sealed class AuditLogOnPostgres(PostgresDatabase fixture) : AuditLogContract<PostgresDatabase>(fixture);
