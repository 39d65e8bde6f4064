using System.Globalization;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Databases;
using LtiBadgeBridge.Testing.Emulators;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>
/// A learner launches while the course's first Canvas sync runs: the sync already holds the id of the
/// placeholder person it made for that learner. Adopting the placeholder must wait for the run (never fail
/// it), the launch must not block, and when the run ends every row of the learner is on their real person.
/// </summary>
public sealed class AdoptionDuringSyncTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LaunchBetweenSyncSteps_TheRunSucceeds_AndEveryRowEndsOnTheRealPerson(DatabaseProvider provider)
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 5, Assignments = 3 });
        var f = canvas.Fixture;
        const int learner = 2;
        var hook = new BetweenStepsHook("/outcome_results");
        await using var harness = await SyncHarness.StartAsync(database: Fixture(provider), configure: s => hook.Install(s));
        var course = await harness.AddCanvasCourseAsync(canvas);

        // The roster, items and submissions steps are done (their rows sit on the placeholder); before the
        // outcome results are read, the learner launches.
        hook.Before = async () =>
        {
            var placeholder = await PersonOfAsync(harness, course, f.LearnerId(learner));
            Assert.StartsWith("lms:canvas:", placeholder.LtiUserId, StringComparison.Ordinal);
            Assert.True(placeholder.Scores > 0);
            var launched = await harness.LaunchCanvasLearnerAsync(course, f.LtiSubject(learner), f.LearnerId(learner));

            // The launch did not touch the placeholder the run writes to: the merge waits for the run's end.
            Assert.Single(await harness.QueryAsync<long>("SELECT id FROM people WHERE id = @id", new { id = placeholder.Id }));
            Assert.Single(await PendingAsync(harness));
            return launched;
        };

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        Assert.Equal(1, hook.Calls);
        var binding = await hook.Launched!;
        var person = await PersonOfAsync(harness, course, f.LearnerId(learner));
        Assert.Equal(binding.PersonId, person.Id);
        Assert.Equal(f.LtiSubject(learner), person.LtiUserId);
        Assert.Empty(await harness.QueryAsync<long>("SELECT id FROM people WHERE lti_user_id = @id",
            new { id = SyncPeople.ProvisionalLtiUserId("canvas", Id(f.LearnerId(learner))) }));

        // Every row of the course sits on an enrolled person, and the learner's are all on the real one.
        foreach (var table in new[] { "scores", "artifacts", "rubric_results", "outcome_results" })
        {
            Assert.Empty(await harness.QueryAsync<long>(
                $"SELECT x.person_id FROM {table} x WHERE x.course_id = @courseId AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.course_id = x.course_id AND e.person_id = x.person_id)",
                new { courseId = course.Id }));
        }

        Assert.Equal(f.AssignmentCount, person.Scores);
        Assert.Equal(CanvasCourseFixture.OutcomeIds.Length, Assert.Single(await harness.QueryAsync<long>(
            "SELECT COUNT(*) FROM outcome_results WHERE course_id = @courseId AND person_id = @personId", new { courseId = course.Id, personId = person.Id })));
        var enrollment = Assert.Single(await harness.QueryAsync<(string Roles, double? Current)>(
            "SELECT roles, current_score FROM enrollments WHERE course_id = @courseId AND person_id = @personId", new { courseId = course.Id, personId = person.Id }));
        Assert.Equal((double?)f.CurrentScore(learner), enrollment.Current);
        Assert.Equal(f.LearnerCount, Assert.Single(await harness.QueryAsync<long>(
            "SELECT COUNT(*) FROM enrollments WHERE course_id = @courseId", new { courseId = course.Id })));

        // The next run writes to the same person and leaves nothing pending.
        var second = await harness.SyncAsync(course);
        Assert.Equal(SyncOutcome.Succeeded, second.Outcome);
        Assert.Equal(person, await PersonOfAsync(harness, course, f.LearnerId(learner)));
        Assert.Empty(await PendingAsync(harness));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PendingAdoption_WaitsWhileAnyRunOfThePlatformHoldsALease_ThenApplies(DatabaseProvider provider)
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 3, Assignments = 2 });
        var f = canvas.Fixture;
        await using var harness = await SyncHarness.StartAsync(database: Fixture(provider));
        var course = await harness.AddCanvasCourseAsync(canvas);
        Assert.Equal(SyncOutcome.Succeeded, (await harness.SyncAsync(course)).Outcome);
        var adoption = harness.Services.GetRequiredService<PersonAdoption>();
        var handler = harness.Services.GetServices<LtiBadgeBridge.Outbox.IOutboxHandler>().Single(h => h.Kind == PersonAdoption.AdoptKind);

        // Another course of the platform is syncing (a worker holds its lease) when the learner launches.
        var other = await harness.Courses.UpsertFromLaunchAsync(course with { Id = 0, ContextId = "ctx-other", LmsCourseId = "999" }, Ct);
        Assert.NotNull(await harness.Runs.TryAcquireAsync(other.PlatformId, other.Id, TimeSpan.FromMinutes(5), Ct));
        var binding = await harness.LaunchCanvasLearnerAsync(course, f.LtiSubject(1), f.LearnerId(1));

        Assert.Single(await PendingAsync(harness));
        Assert.NotEqual(binding.PersonId, (await PersonOfAsync(harness, course, f.LearnerId(1), placeholder: true)).Id);
        Assert.False(await adoption.TryApplyPendingAsync(course.PlatformId, Ct));
        Assert.Equal(1, await handler.ProcessBatchAsync(Ct)); // claimed, found the run, left for later
        Assert.Single(await PendingAsync(harness));

        // That run ends: the adoption applies.
        await harness.Runs.FailAsync(other.Id, SyncStates.Paused, "test", "ended", Ct);
        Assert.True(await adoption.TryApplyPendingAsync(course.PlatformId, Ct));
        Assert.Empty(await PendingAsync(harness));
        var person = await PersonOfAsync(harness, course, f.LearnerId(1));
        Assert.Equal(binding.PersonId, person.Id);
        Assert.Equal(f.AssignmentCount, person.Scores);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LaunchWithNoSyncRunning_AdoptsAtOnce(DatabaseProvider provider)
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 3, Assignments = 2 });
        var f = canvas.Fixture;
        await using var harness = await SyncHarness.StartAsync(database: Fixture(provider));
        var course = await harness.AddCanvasCourseAsync(canvas);
        Assert.Equal(SyncOutcome.Succeeded, (await harness.SyncAsync(course)).Outcome);

        var binding = await harness.LaunchCanvasLearnerAsync(course, f.LtiSubject(1), f.LearnerId(1));

        var person = await PersonOfAsync(harness, course, f.LearnerId(1));
        Assert.Equal(binding.PersonId, person.Id);
        Assert.Equal(f.AssignmentCount, person.Scores);
        Assert.Empty(await harness.QueryAsync<long>("SELECT id FROM outbox WHERE kind = @kind", new { kind = PersonAdoption.AdoptKind }));
    }

    private static DatabaseFixture Fixture(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? new PostgresDatabase() : new SqliteDatabase();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The person who carries the LMS user id (the real one once merged), or its placeholder.</summary>
    private static async Task<(long Id, string LtiUserId, long Scores)> PersonOfAsync(SyncHarness harness, Course course, long canvasUserId, bool placeholder = false) =>
        Assert.Single(await harness.QueryAsync<(long Id, string LtiUserId, long Scores)>(
            """
            SELECT p.id, p.lti_user_id, (SELECT COUNT(*) FROM scores s WHERE s.person_id = p.id AND s.course_id = @courseId) AS scores
            FROM people p WHERE p.platform_id = @platformId AND p.lms_user_id = @lmsUserId
            """ + (placeholder ? " AND p.lti_user_id LIKE 'lms:%'" : ""),
            new { courseId = course.Id, platformId = course.PlatformId, lmsUserId = Id(canvasUserId) }));

    private static Task<IReadOnlyList<long>> PendingAsync(SyncHarness harness) =>
        harness.QueryAsync<long>("SELECT id FROM outbox WHERE kind = @kind AND processed_at IS NULL", new { kind = PersonAdoption.AdoptKind });

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
