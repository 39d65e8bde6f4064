using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>Canvas course sync against the emulated Canvas over real HTTP, on a real SQLite database.</summary>
public sealed class CanvasSyncTests
{
    [Fact]
    public async Task Sync_FullCanvasCourse_LandsEveryLearnersScoresRubricOutcomesAndArtifacts()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 12, Assignments = 5 });
        await using var harness = await SyncHarness.StartAsync(o => o.PerPage = 10);
        var course = await harness.AddCanvasCourseAsync(canvas);

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        var f = canvas.Fixture;
        Assert.Equal(12, await harness.CountAsync("enrollments", course.Id));
        Assert.Equal(5, await harness.CountAsync("items", course.Id));
        Assert.Equal(12 * 5, await harness.CountAsync("scores", course.Id));
        Assert.Equal(12 * CanvasCourseFixture.OutcomeIds.Length, await harness.CountAsync("outcome_results", course.Id));
        Assert.Equal(5 + CanvasCourseFixture.OutcomeIds.Length, await harness.CountAsync("catalogue_entries", course.Id));

        // One learner's scores, state and percentage, recomputed from the fixture.
        var scores = await harness.QueryAsync<(string SourceId, string LmsUserId, double? Raw, double? Percentage, string State, long Late)>(
            """
            SELECT i.source_id, p.lms_user_id, s.raw_score, s.percentage, s.state, s.late
            FROM scores s JOIN items i ON i.id = s.item_id JOIN people p ON p.id = s.person_id
            WHERE s.course_id = @courseId
            """, new { courseId = course.Id });
        for (var learner = 0; learner < f.LearnerCount; learner++)
        {
            for (var a = 0; a < f.AssignmentCount; a++)
            {
                var row = Assert.Single(scores, s => s.SourceId == f.AssignmentId(a).ToString() && s.LmsUserId == f.LearnerId(learner).ToString());
                var expectedState = f.IsExcused(learner, a) ? "excused" : f.Score(learner, a) is not null ? "graded" : "missing";
                Assert.Equal(expectedState, row.State);
                Assert.Equal((double?)f.Score(learner, a), row.Raw);
                if (f.Score(learner, a) is { } score)
                {
                    Assert.Equal((double)(score * 100 / f.PointsPossible(a)), row.Percentage!.Value, 3);
                }

                Assert.Equal(f.IsLate(learner, a), row.Late == 1);
            }
        }

        // Capstone URL submissions are kept as evidence links; rubric levels are named from the catalogue.
        var urls = await harness.QueryAsync<string>("SELECT url FROM artifacts WHERE course_id = @courseId AND kind = 'url'", new { courseId = course.Id });
        var capstone = f.AssignmentCount - 1;
        var submitted = Enumerable.Range(0, f.LearnerCount).Where(l => !f.IsMissing(l, capstone)).ToList();
        Assert.NotEmpty(submitted);
        Assert.All(submitted, l => Assert.Contains(f.CapstoneUrl(l), urls));
        var rubric = await harness.QueryAsync<(string CriterionId, string? LevelName)>(
            "SELECT criterion_id, level_name FROM rubric_results WHERE course_id = @courseId", new { courseId = course.Id });
        Assert.NotEmpty(rubric);
        Assert.All(rubric, r => Assert.Contains(r.LevelName, new[] { "Exemplary", "Proficient", "Developing" }));
        var details = await harness.QueryAsync<string>("SELECT details FROM items WHERE course_id = @courseId AND source_id = @id", new { courseId = course.Id, id = f.AssignmentId(0).ToString() });
        Assert.Equal("{\"rubricId\":\"canvas-assignment-5001\",\"gradedAsGroup\":false}", Assert.Single(details));

        // Course totals from enrollments.
        var totals = await harness.QueryAsync<(string LmsUserId, double? Final)>(
            "SELECT p.lms_user_id, e.final_score FROM enrollments e JOIN people p ON p.id = e.person_id WHERE e.course_id = @courseId", new { courseId = course.Id });
        Assert.Equal((double)f.FinalScore(3), totals.Single(t => t.LmsUserId == f.LearnerId(3).ToString()).Final!.Value, 2);

        var status = await harness.Runs.GetAsync(course.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SyncStates.Succeeded, status!.Status);
        Assert.Equal(100, status.Percent);
        Assert.Null(status.Checkpoint);
        var evaluations = await harness.QueryAsync<string>("SELECT payload FROM outbox WHERE kind = 'evaluate-course'", new { });
        Assert.Equal($"{{\"courseId\":{course.Id}}}", Assert.Single(evaluations));
    }

    [Fact]
    public async Task Sync_Twice_ChangesNoRows()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var harness = await SyncHarness.StartAsync(o => o.PerPage = 10);
        var course = await harness.AddCanvasCourseAsync(canvas);
        var first = await harness.SyncAsync(course);
        var before = await harness.DumpAsync(course.Id);

        var second = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, second.Outcome);
        Assert.True(first.ChangedRows > 0);
        Assert.Equal(0, second.ChangedRows);
        Assert.Equal(before, await harness.DumpAsync(course.Id));
    }

    [Fact]
    public async Task Sync_FailureOnPage4_ResumesThereWithoutRefetchingOrDuplicating()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var harness = await SyncHarness.StartAsync(o => { o.PerPage = 10; o.MaxTransientRetries = 0; });
        var course = await harness.AddCanvasCourseAsync(canvas);
        canvas.FailPage("course_submissions", 4, times: 1, status: 503);

        var failed = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Retry, failed.Outcome);
        Assert.Equal(PlatformErrorCodes.CanvasTransient, failed.Code);
        var status = await harness.Runs.GetAsync(course.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SyncStates.Failed, status!.Status);
        Assert.Equal(SyncPhases.Submissions, status.Phase);
        Assert.Equal(30, await harness.CountAsync("scores", course.Id)); // pages 1-3 committed

        var resumed = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, resumed.Outcome);
        for (var page = 1; page <= 3; page++)
        {
            Assert.Equal(1, canvas.RequestsTo("course_submissions", page));
        }

        Assert.Equal(2, canvas.RequestsTo("course_submissions", 4));
        Assert.Equal(1, canvas.RequestsTo("enrollments", 1));
        Assert.Equal(1, canvas.RequestsTo("assignments", 1));
        Assert.Equal(60, await harness.CountAsync("scores", course.Id));
    }

    [Fact]
    public async Task Sync_ThrottledCanvas_GetsNoThrottledResponses()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Throttle = true });
        await using var harness = await SyncHarness.StartAsync(o => o.PerPage = 10);
        var course = await harness.AddCanvasCourseAsync(canvas);

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, canvas.ThrottledResponses);
        Assert.Equal(1, canvas.MaxConcurrentRequests);
        Assert.Equal(60, await harness.CountAsync("scores", course.Id));
    }

    [Fact]
    public async Task Sync_ExpiredAccessToken_IsRefreshedOnceAndSyncSucceeds()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas);
        var credentials = harness.Services.GetService(typeof(PlatformCredentialsStore)) as PlatformCredentialsStore;
        var token = await credentials!.GetCourseTokenAsync(course.Id, TestContext.Current.CancellationToken);
        canvas.ExpireAccessToken(token!.AccessToken);

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        Assert.Equal(1, canvas.RefreshRequests);
        var renewed = await credentials.GetCourseTokenAsync(course.Id, TestContext.Current.CancellationToken);
        Assert.NotEqual(token.AccessToken, renewed!.AccessToken);
        Assert.Equal(token.RefreshToken, renewed.RefreshToken);
    }

    [Fact]
    public async Task Sync_RevokedAccess_RefreshesOnceThenPausesWithReconnectGuidance()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas);
        var credentials = (PlatformCredentialsStore)harness.Services.GetService(typeof(PlatformCredentialsStore))!;
        canvas.ExpireAccessToken((await credentials.GetCourseTokenAsync(course.Id, TestContext.Current.CancellationToken))!.AccessToken);
        canvas.RevokeRefreshTokens();

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Paused, result.Outcome);
        Assert.Equal(SyncErrorCodes.ReconnectRequired, result.Code);
        Assert.Equal(1, canvas.RefreshRequests);
        var status = await harness.Runs.GetAsync(course.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SyncStates.Paused, status!.Status);
        Assert.Contains("reconnect", status.LastError, StringComparison.OrdinalIgnoreCase);
        var due = await harness.Runs.ListDueAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(due, d => d.CourseId == course.Id);
    }

    [Fact]
    public async Task Sync_PermissionError_IsReportedAndNotRetried()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas);
        canvas.DenyPermissions = true;
        var before = canvas.TotalRequests;

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Paused, result.Outcome);
        Assert.Equal(PlatformErrorCodes.CanvasNotAuthorized, result.Code);
        Assert.Equal(before + 1, canvas.TotalRequests);
        Assert.Equal(0, canvas.RefreshRequests);
    }

    [Fact]
    public async Task Sync_DeletedCourse_StopsAndIsNotSyncedAgain()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas);
        canvas.Delete();

        var result = await harness.SyncAsync(course);
        var requests = canvas.TotalRequests;
        var again = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Stopped, result.Outcome);
        Assert.Equal(PlatformErrorCodes.CanvasCourseNotFound, result.Code);
        Assert.Equal(SyncOutcome.Stopped, again.Outcome);
        Assert.Equal(requests, canvas.TotalRequests);
        Assert.Equal(CourseStates.Deleted, (await harness.Courses.GetAsync(course.Id, TestContext.Current.CancellationToken))!.LmsState);
        Assert.Equal(SyncStates.Stopped, (await harness.Runs.GetAsync(course.Id, TestContext.Current.CancellationToken))!.Status);
        var due = await harness.Runs.ListDueAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(due, d => d.CourseId == course.Id);
    }

    [Fact]
    public async Task Sync_ConcludedCourse_IsSyncedAndMarkedConcluded()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas);
        canvas.Conclude();

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        Assert.Equal(CourseStates.Concluded, (await harness.Courses.GetAsync(course.Id, TestContext.Current.CancellationToken))!.LmsState);
        Assert.Equal(60, await harness.CountAsync("scores", course.Id));
    }

    [Fact]
    public async Task Sync_ConcurrentRunsOfOneCourse_OnlyOneRuns()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Latency = TimeSpan.FromMilliseconds(40) });
        await using var harness = await SyncHarness.StartAsync(o => o.PerPage = 10);
        var course = await harness.AddCanvasCourseAsync(canvas);

        var first = harness.SyncAsync(course);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        var second = await harness.SyncAsync(course);
        var firstResult = await first;

        Assert.Equal(SyncOutcome.Busy, second.Outcome);
        Assert.Equal(SyncOutcome.Succeeded, firstResult.Outcome);
        Assert.Equal(1, canvas.RequestsTo("course"));
        Assert.Equal(1, canvas.MaxConcurrentRequests);
    }

    [Fact]
    public async Task Sync_TwoPlatformsWithSameCourseAndUserIds_KeepSeparateRows()
    {
        using var canvasA = EmulatedCanvas.Start();
        using var canvasB = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 7 });
        await using var harness = await SyncHarness.StartAsync();
        var courseA = await harness.AddCanvasCourseAsync(canvasA);
        var courseB = await harness.AddCanvasCourseAsync(canvasB);

        Assert.Equal(SyncOutcome.Succeeded, (await harness.SyncAsync(courseA)).Outcome);
        Assert.Equal(SyncOutcome.Succeeded, (await harness.SyncAsync(courseB)).Outcome);

        Assert.NotEqual(courseA.PlatformId, courseB.PlatformId);
        Assert.Equal(12 * 5, await harness.CountAsync("scores", courseA.Id));
        Assert.Equal(7 * 5, await harness.CountAsync("scores", courseB.Id));
        var crossed = await harness.QueryAsync<long>(
            "SELECT COUNT(*) FROM scores s JOIN people p ON p.id = s.person_id WHERE s.platform_id <> p.platform_id", new { });
        Assert.Equal(0, Assert.Single(crossed));
        var people = await harness.QueryAsync<(long PlatformId, long Count)>(
            "SELECT platform_id, COUNT(*) FROM people WHERE lms_user_id = '1001' GROUP BY platform_id", new { });
        Assert.Equal(2, people.Count);
    }
}
