using System.Globalization;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>Moodle course sync against the emulated Moodle web services over real HTTP.</summary>
public sealed class MoodleSyncTests
{
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
}
