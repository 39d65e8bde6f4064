using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Snapshots;
using LtiBadgeBridge.Testing.Databases;

namespace LtiBadgeBridge.Tests.Contract.Snapshots;

public abstract class SnapshotStoreContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly CourseStore _courses = new(fixture.Database, TimeProvider.System);
    private readonly SnapshotStore _snapshots = new(fixture.Database, TimeProvider.System);

    private sealed record Arranged(long PlatformId, Course Course, IReadOnlyDictionary<string, long> People, IReadOnlyDictionary<(string, string), long> Items);

    private async Task<Arranged> ArrangeCourseAsync(string contextId, int learners, int items, CancellationToken ct)
    {
        var platform = await new PlatformStore(fixture.Database, TimeProvider.System).UpsertAsync(TestData.Canvas(), ct);
        var course = await _courses.UpsertFromLaunchAsync(new Course { PlatformId = platform.Id, DeploymentId = "1:x", ContextId = contextId, Title = "Cloud Computing" }, ct);
        var people = await _courses.UpsertPeopleAsync(platform.Id, Enumerable.Range(1, learners).Select(i => new Person { LtiUserId = $"user-{i}", LmsUserId = $"{1000 + i}", Name = $"Learner {i}" }).ToList(), ct);
        await _courses.UpsertEnrollmentsAsync(platform.Id, people.Values.Select(id => new Enrollment { CourseId = course.Id, PersonId = id, Roles = "Learner", FinalScore = 80 }).ToList(), ct);
        await using var connection = await fixture.Database.OpenAsync(ct);
        var itemIds = await _snapshots.UpsertItemsAsync(connection, null, platform.Id, course.Id,
            Enumerable.Range(1, items).Select(i => new SnapshotItem { Source = "canvas", SourceId = $"{500 + i}", Title = $"Assignment {i}", PointsPossible = 10 }).ToList(), ct);
        return new Arranged(platform.Id, course, people, itemIds);
    }

    private static List<ScoreRow> Scores(Arranged a, double raw) =>
        [.. from p in a.People.Values from i in a.Items.Values select new ScoreRow { ItemId = i, PersonId = p, RawScore = raw, PointsPossible = 10, Percentage = raw * 10, State = "graded", Late = raw < 5, SubmittedAt = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero) }];

    [Fact]
    public async Task LaunchEnrollment_AfterSyncWroteScores_RefreshesRolesAndKeepsTheScores()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await ArrangeCourseAsync("ctx-launch-keeps-scores", 1, 1, ct);
        var personId = a.People.Values.Single();

        await _courses.UpsertLaunchEnrollmentAsync(a.PlatformId, a.Course.Id, personId, "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", ct);

        var (_, enrollment) = Assert.Single(await _courses.ListMembersAsync(a.Course.Id, ct));
        Assert.Equal(80, enrollment.FinalScore);
        Assert.Equal("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", enrollment.Roles);
    }

    [Fact]
    public async Task UpsertScores_SameDataTwice_SecondWriteChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await ArrangeCourseAsync("ctx-idempotent", 30, 7, ct);
        await using var connection = await fixture.Database.OpenAsync(ct);

        var first = await _snapshots.UpsertScoresAsync(connection, null, a.PlatformId, a.Course.Id, Scores(a, 8), ct);
        var second = await _snapshots.UpsertScoresAsync(connection, null, a.PlatformId, a.Course.Id, Scores(a, 8), ct);

        Assert.Equal(210, first);
        Assert.Equal(0, second);
    }

    [Fact]
    public async Task UpsertScores_OneScoreChanged_UpdatesOnlyThatRow()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await ArrangeCourseAsync("ctx-change", 5, 3, ct);
        await using var connection = await fixture.Database.OpenAsync(ct);
        var scores = Scores(a, 8);
        await _snapshots.UpsertScoresAsync(connection, null, a.PlatformId, a.Course.Id, scores, ct);
        scores[4] = scores[4] with { RawScore = 4, Percentage = 40, Late = true };

        var changed = await _snapshots.UpsertScoresAsync(connection, null, a.PlatformId, a.Course.Id, scores, ct);

        Assert.Equal(1, changed);
        var page = await _snapshots.LoadPageAsync(a.Course.Id, 0, 100, ct);
        var updated = Assert.Single(page.Scores, s => s.ItemId == scores[4].ItemId && s.PersonId == scores[4].PersonId);
        Assert.Equal(40, updated.Percentage);
        Assert.True(updated.Late);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), updated.SubmittedAt);
    }

    [Fact]
    public async Task LoadPage_PagesThroughLearnersWithTheirRows()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await ArrangeCourseAsync("ctx-pages", 25, 2, ct);
        await using (var connection = await fixture.Database.OpenAsync(ct))
        {
            await _snapshots.UpsertScoresAsync(connection, null, a.PlatformId, a.Course.Id, Scores(a, 9), ct);
            var someone = a.People.Values.Min();
            var capstone = a.Items.Values.Max();
            await _snapshots.UpsertArtifactsAsync(connection, null, a.PlatformId, a.Course.Id, [new ArtifactRow { ItemId = capstone, PersonId = someone, ArtifactKey = "attempt:1:url", Kind = "url", Url = "https://github.com/learner/capstone", Attempt = 1 }], ct);
            await _snapshots.UpsertRubricResultsAsync(connection, null, a.PlatformId, a.Course.Id, [new RubricResultRow { ItemId = capstone, PersonId = someone, CriterionId = "_arch", LevelId = "r3", LevelName = "Proficient", Points = 3 }], ct);
            await _snapshots.UpsertOutcomeResultsAsync(connection, null, a.PlatformId, a.Course.Id, [new OutcomeResultRow { PersonId = someone, OutcomeId = "77", Score = 3, Mastered = true }], ct);
        }

        var seen = new List<long>();
        long after = 0;
        CourseSnapshotPage page;
        do
        {
            page = await _snapshots.LoadPageAsync(a.Course.Id, after, 10, ct);
            seen.AddRange(page.People.Select(p => p.Id));
            Assert.All(page.Scores, s => Assert.Contains(s.PersonId, page.People.Select(p => p.Id)));
            if (page.People.Count > 0)
            {
                after = page.People[^1].Id;
            }
        }
        while (page.People.Count > 0);

        Assert.Equal(a.People.Values.Order(), seen);
        var first = await _snapshots.LoadPageAsync(a.Course.Id, 0, 10, ct);
        Assert.Equal(20, first.Scores.Count);
        Assert.Equal("https://github.com/learner/capstone", Assert.Single(first.Artifacts).Url);
        Assert.Equal("Proficient", Assert.Single(first.RubricResults).LevelName);
        Assert.True(Assert.Single(first.OutcomeResults).Mastered);
        Assert.All(first.Enrollments, e => Assert.Equal(80, e.FinalScore));
    }

    [Fact]
    public async Task TwoPlatforms_SameContextAndUserIds_NeverMix()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await ArrangeCourseAsync("ctx-shared", 3, 2, ct);
        var b = await ArrangeCourseAsync("ctx-shared", 3, 2, ct);
        await using (var connection = await fixture.Database.OpenAsync(ct))
        {
            await _snapshots.UpsertScoresAsync(connection, null, a.PlatformId, a.Course.Id, Scores(a, 2), ct);
            await _snapshots.UpsertScoresAsync(connection, null, b.PlatformId, b.Course.Id, Scores(b, 9), ct);
        }

        Assert.NotEqual(a.Course.Id, b.Course.Id);
        Assert.Empty(a.People.Values.Intersect(b.People.Values));
        var pageA = await _snapshots.LoadPageAsync(a.Course.Id, 0, 100, ct);
        Assert.All(pageA.Scores, s => Assert.Equal(2, s.RawScore));
        Assert.Equal(a.People.Values.Order(), pageA.People.Select(p => p.Id));
        Assert.Equal("user-1", (await _courses.FindPersonAsync(b.PlatformId, "user-1", ct))!.LtiUserId);
    }

    [Fact]
    public async Task UpsertItems_Rerun_KeepsIdsStable()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await ArrangeCourseAsync("ctx-items", 1, 4, ct);
        await using var connection = await fixture.Database.OpenAsync(ct);

        var again = await _snapshots.UpsertItemsAsync(connection, null, a.PlatformId, a.Course.Id,
            Enumerable.Range(1, 4).Select(i => new SnapshotItem { Source = "canvas", SourceId = $"{500 + i}", Title = $"Renamed {i}", PointsPossible = 10 }).ToList(), ct);

        Assert.Equal(a.Items, again);
        Assert.All(await _snapshots.ListItemsAsync(a.Course.Id, ct), i => Assert.StartsWith("Renamed", i.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpsertPeople_Rerun_ReturnsTheSameIds()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await ArrangeCourseAsync("ctx-people", 4, 1, ct);

        var again = await _courses.UpsertPeopleAsync(a.PlatformId, a.People.Keys.Select(k => new Person { LtiUserId = k, Name = "Changed" }).ToList(), ct);

        Assert.Equal(a.People.OrderBy(p => p.Key), again.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task UpsertPeople_FromASourceWithoutEmail_KeepsTheKnownEmailAndName()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await new PlatformStore(fixture.Database, TimeProvider.System).UpsertAsync(TestData.Canvas(), ct);
        var ids = await _courses.UpsertPeopleAsync(platform.Id, [new Person { LtiUserId = "keep-1", LmsUserId = "77", Name = "Ada Lovelace", Email = "ada@example.edu" }], ct);

        await _courses.UpsertPeopleAsync(platform.Id, [new Person { LtiUserId = "keep-1", Name = null, Email = null }], ct);
        await _courses.UpsertPeopleAsync(platform.Id, [new Person { LtiUserId = "keep-1", Name = "Ada King", Email = null }], ct);

        await using var connection = await fixture.Database.OpenAsync(ct);
        var stored = await Dapper.SqlMapper.QuerySingleAsync<(string? Name, string? Email, string? LmsUserId)>(
            connection, "SELECT name, email, lms_user_id FROM people WHERE id = @id", new { id = ids["keep-1"] });
        Assert.Equal(("Ada King", "ada@example.edu", "77"), stored);
    }
}

public sealed class SnapshotStoreOnSqlite(SqliteDatabase fixture) : SnapshotStoreContract<SqliteDatabase>(fixture);

public sealed class SnapshotStoreOnPostgres(PostgresDatabase fixture) : SnapshotStoreContract<PostgresDatabase>(fixture);
