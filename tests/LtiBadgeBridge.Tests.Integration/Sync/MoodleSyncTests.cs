using System.Globalization;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>Moodle course sync against the emulated Moodle web services over real HTTP.</summary>
public sealed class MoodleSyncTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task Sync_MoodleCourse_LandsScoresArtifactsAndCourseTotals()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddMoodleCourseAsync(moodle);

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        var f = moodle.Fixture;
        Assert.Equal(f.LearnerCount, await harness.CountAsync("enrollments", course.Id));
        Assert.Equal(f.AssignmentCount, await harness.CountAsync("items", course.Id));
        var scores = await harness.QueryAsync<(string SourceId, string LtiUserId, double? Raw, string State)>(
            """
            SELECT i.source_id, p.lti_user_id, s.raw_score, s.state
            FROM scores s JOIN items i ON i.id = s.item_id JOIN people p ON p.id = s.person_id WHERE s.course_id = @courseId
            """, new { courseId = course.Id });
        for (var learner = 1; learner < f.LearnerCount; learner++)
        {
            for (var a = 0; a < f.AssignmentCount; a++)
            {
                var row = Assert.Single(scores, s => s.SourceId == f.AssignmentId(a).ToString(CultureInfo.InvariantCulture) && s.LtiUserId == f.LearnerId(learner).ToString(CultureInfo.InvariantCulture));
                Assert.Equal("graded", row.State);
                Assert.Equal((double?)f.Grade(learner, a), row.Raw);
            }
        }

        var files = await harness.QueryAsync<string>("SELECT file_name FROM artifacts WHERE course_id = @courseId AND kind = 'file'", new { courseId = course.Id });
        Assert.Contains(f.FileName(1, 0), files);
        var totals = await harness.QueryAsync<(string LtiUserId, double? Current)>(
            "SELECT p.lti_user_id, e.current_score FROM enrollments e JOIN people p ON p.id = e.person_id WHERE e.course_id = @courseId", new { courseId = course.Id });
        Assert.Null(totals.Single(t => t.LtiUserId == f.LearnerId(0).ToString(CultureInfo.InvariantCulture)).Current);
        Assert.NotNull(totals.Single(t => t.LtiUserId == f.LearnerId(1).ToString(CultureInfo.InvariantCulture)).Current);
    }

    [Fact]
    public async Task Sync_MoodleCourseTwice_ChangesNoRows()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddMoodleCourseAsync(moodle);
        await harness.SyncAsync(course);
        var before = await harness.DumpAsync(course.Id);

        var second = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, second.Outcome);
        Assert.Equal(0, second.ChangedRows);
        Assert.Equal(before, await harness.DumpAsync(course.Id));
    }

    [Fact]
    public async Task Sync_MoodleErrorInside200_IsTypedAndReported()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddMoodleCourseAsync(moodle);
        moodle.DenyCapability("mod_assign_get_submissions");

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Paused, result.Outcome);
        Assert.StartsWith("moodle.", result.Code, StringComparison.Ordinal);
        var status = await harness.Runs.GetAsync(course.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SyncStates.Paused, status!.Status);
        Assert.Equal(result.Code, status.LastErrorCode);
        Assert.Equal(SyncPhases.Submissions, status.Phase);
    }

    [Fact]
    public async Task Sync_RevokedMoodleToken_PausesWithReconnectGuidance()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddMoodleCourseAsync(moodle);
        moodle.RevokeToken();

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Paused, result.Outcome);
        Assert.Equal(SyncErrorCodes.ReconnectRequired, result.Code);
    }

    [Fact]
    public async Task Sync_MoodleCourse_LandsRubricLevelsAndCompetencyRatings()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddMoodleCourseAsync(moodle);

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        Assert.Null(result.Code);
        var f = moodle.Fixture;
        var catalogue = await harness.QueryAsync<(string Kind, string SourceId, string Details)>(
            "SELECT kind, source_id, details FROM catalogue_entries WHERE course_id = @courseId", new { courseId = course.Id });
        Assert.Equal(f.AssignmentCount, catalogue.Count(c => c.Kind == "rubric"));
        var rubric = System.Text.Json.JsonSerializer.Deserialize<LtiBadgeBridge.Rules.Snapshots.Rubric>(
            catalogue.Single(c => c.SourceId == "moodle-grading-" + Id(f.DefinitionId(0))).Details, Web)!;
        Assert.Equal([Id(f.CriterionId(0, 0)), Id(f.CriterionId(0, 1))], rubric.Criteria.Select(c => c.Id));
        Assert.Equal(["Insufficient", "Adequate", "Excellent"], rubric.Criteria[0].Levels.Select(l => l.Name));
        Assert.Equal(MoodleCourseFixture.CompetencyIds.Select(Id).Order(), catalogue.Where(c => c.Kind == "outcome").Select(c => c.SourceId).Order());
        var itemDetails = await harness.QueryAsync<string>(
            "SELECT details FROM items WHERE course_id = @courseId AND source_id = @sourceId", new { courseId = course.Id, sourceId = Id(f.AssignmentId(0)) });
        Assert.Contains("moodle-grading-" + Id(f.DefinitionId(0)), Assert.Single(itemDetails), StringComparison.Ordinal);

        var levels = await harness.QueryAsync<(string LtiUserId, string SourceId, string CriterionId, string LevelId, string LevelName, double? Points)>(
            """
            SELECT p.lti_user_id, i.source_id, r.criterion_id, r.level_id, r.level_name, r.points
            FROM rubric_results r JOIN items i ON i.id = r.item_id JOIN people p ON p.id = r.person_id WHERE r.course_id = @courseId
            """, new { courseId = course.Id });
        Assert.Equal((f.LearnerCount - 1) * f.AssignmentCount * MoodleCourseFixture.CriteriaPerRubric, levels.Count);
        foreach (var learner in new[] { 1, 2 })
        {
            // Learner 2 was regraded: the active instance counts, not the archived one.
            var given = f.LevelGiven(learner, 1, 1);
            var row = Assert.Single(levels, r => r.LtiUserId == Id(f.LearnerId(learner)) && r.SourceId == Id(f.AssignmentId(1)) && r.CriterionId == Id(f.CriterionId(1, 1)));
            Assert.Equal(Id(f.LevelId(1, 1, given)), row.LevelId);
            Assert.Equal(given switch { 0 => "Excellent", 1 => "Adequate", _ => "Insufficient" }, row.LevelName);
            Assert.Equal((2 - given) * 25, row.Points);
        }

        var ratings = await harness.QueryAsync<(string LtiUserId, string OutcomeId, double? Score, string Level, bool? Mastered)>(
            "SELECT p.lti_user_id, o.outcome_id, o.score, o.level, o.mastered FROM outcome_results o JOIN people p ON p.id = o.person_id WHERE o.course_id = @courseId",
            new { courseId = course.Id });
        Assert.DoesNotContain(ratings, r => r.LtiUserId == Id(f.LearnerId(0)));
        Assert.Equal((f.LearnerCount - 1) * MoodleCourseFixture.CompetencyIds.Length, ratings.Count);
        var rating = Assert.Single(ratings, r => r.LtiUserId == Id(f.LearnerId(1)) && r.OutcomeId == Id(MoodleCourseFixture.CompetencyIds[1]));
        Assert.Equal(f.CompetencyGrade(1, 1), (int?)rating.Score);
        Assert.Equal(f.CompetencyGrade(1, 1) >= 2, rating.Mastered);
        Assert.Equal(moodle.Fixture.LearnerCount, moodle.Calls("report_competency_data_for_report"));
    }

    [Fact]
    public async Task Sync_MoodleWithoutGradingFormCapability_SucceedsAndReportsTheMissingCapability()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddMoodleCourseAsync(moodle);
        moodle.DenyCapability("core_grading_get_gradingform_instances");

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        Assert.Equal("moodle.missing_capability", result.Code);
        var status = await harness.Runs.GetAsync(course.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SyncStates.Succeeded, status!.Status);
        Assert.Equal("moodle.missing_capability", status.LastErrorCode);
        Assert.Contains("capability", status.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await harness.CountAsync("rubric_results", course.Id));
        Assert.Equal(1, moodle.Calls("core_grading_get_gradingform_instances")); // asked once, not once per assignment
        Assert.True(await harness.CountAsync("scores", course.Id) > 0);
        Assert.True(await harness.CountAsync("outcome_results", course.Id) > 0);
    }

    [Fact]
    public async Task Sync_MoodleServiceWithoutCompetencyReport_SucceedsWithScoresAndReportsTheFunction()
    {
        using var moodle = EmulatedMoodle.Start(new EmulatedMoodleOptions { DebugInfo = true });
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddMoodleCourseAsync(moodle);
        moodle.RemoveFunction("report_competency_data_for_report");

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        Assert.Equal("moodle.function_not_in_service", result.Code);
        Assert.Equal(0, await harness.CountAsync("outcome_results", course.Id));
        Assert.True(await harness.CountAsync("rubric_results", course.Id) > 0);
        var totals = await harness.QueryAsync<double?>("SELECT current_score FROM enrollments WHERE course_id = @courseId AND current_score IS NOT NULL", new { courseId = course.Id });
        Assert.Equal(moodle.Fixture.LearnerCount - 1, totals.Count);

        moodle.AddFunction("report_competency_data_for_report");
        var second = await harness.SyncAsync(course);
        Assert.Null(second.Code);
        Assert.Equal(SyncStates.Succeeded, (await harness.Runs.GetAsync(course.Id, TestContext.Current.CancellationToken))!.Status);
        Assert.Null((await harness.Runs.GetAsync(course.Id, TestContext.Current.CancellationToken))!.LastErrorCode);
        Assert.True(await harness.CountAsync("outcome_results", course.Id) > 0);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
