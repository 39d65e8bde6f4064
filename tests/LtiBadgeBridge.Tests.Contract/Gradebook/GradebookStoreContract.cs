using LtiBadgeBridge.Gradebook;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;
using LtiBadgeBridge.Testing.Issuance;

namespace LtiBadgeBridge.Tests.Contract.Gradebook;

/// <summary>The gradebook's SQL on every database: post-score published once per key, the first line item wins, and
/// the record of a score event marks its outbox message done in the same commit.</summary>
public abstract class GradebookStoreContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    [Fact]
    public async Task PublishRememberRecord_AreIdempotent_AndTheSummaryCountsThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = fixture.Database;
        var platform = await new PlatformStore(database, TimeProvider.System).UpsertAsync(TestData.Canvas("gradebook-" + Guid.NewGuid().ToString("N")), ct);
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(database, platform.Id, IssuanceSeed.PilotDefinition(), ct);
        var awards = await IssuanceSeed.AwardsAsync(database, platform.Id, courseId, achievementId, 2, ct);
        var now = TimeProvider.System.GetUtcNow();

        await using (var connection = await database.OpenAsync(ct))
        {
            await GradebookOutbox.EnqueueAsync(connection, null, [.. awards.Select(a => (platform.Id, a))], GradebookKinds.Issued, now, ct);
            await GradebookOutbox.EnqueueAsync(connection, null, [(platform.Id, awards[0])], GradebookKinds.Issued, now, ct);
        }

        var outbox = new OutboxStore(database, TimeProvider.System);
        var first = await outbox.FindAsync(GradebookKinds.DedupeKey(awards[0], GradebookKinds.Issued), ct);
        Assert.NotNull(first);
        Assert.Equal(GradebookKinds.Payload(awards[0]), first.Payload);
        var store = new GradebookStore(database, TimeProvider.System);
        Assert.Equal(2, (await store.SummaryAsync(courseId, ct)).Pending);

        var kept = await store.SaveLineItemAsync(platform.Id, courseId, achievementId, "https://lms.example/line_items/1", ct);
        var second = await store.SaveLineItemAsync(platform.Id, courseId, achievementId, "https://lms.example/line_items/2", ct);
        Assert.Equal("https://lms.example/line_items/1", kept);
        Assert.Equal(kept, second);
        Assert.Equal(kept, await store.GetLineItemAsync(courseId, achievementId, ct));

        var target = (await store.LoadTargetAsync(awards[0], ct))!;
        Assert.Equal(courseId, target.CourseId);
        Assert.Equal("Cloud Computing Fundamentals", target.AchievementName);
        await store.RecordAsync(target, GradebookKinds.Issued, ScoreStates.Posted, now, null, first.Id, ct);
        await store.RecordAsync(target, GradebookKinds.Issued, ScoreStates.Failed, now, "ignored: already recorded", first.Id, ct);
        Assert.Equal(ScoreStates.Posted, await store.FindRecordedAsync(awards[0], GradebookKinds.Issued, ct));
        Assert.Equal(now.ToUnixTimeMilliseconds(), (await store.LastPostedAsync(awards[0], ct))!.Value.ToUnixTimeMilliseconds());

        var summary = await store.SummaryAsync(courseId, ct);
        Assert.Equal(1, summary.Posted);
        Assert.Equal(1, summary.Pending);
        Assert.NotNull((await outbox.FindAsync(GradebookKinds.DedupeKey(awards[0], GradebookKinds.Issued), ct))!.ProcessedAt);
    }
}

public sealed class GradebookStoreOnSqlite(SqliteDatabase fixture) : GradebookStoreContract<SqliteDatabase>(fixture);

public sealed class GradebookStoreOnPostgres(PostgresDatabase fixture) : GradebookStoreContract<PostgresDatabase>(fixture);
