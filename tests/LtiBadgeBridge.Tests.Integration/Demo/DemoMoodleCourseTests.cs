using System.Globalization;
using System.Net;
using Dapper;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Gradebook;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Web.Demo.Data;
using LtiBadgeBridge.Web.Demo.Moodle;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The pilot course through the demo Moodle: a launch binds it, the web service token passes the probe, the
/// Moodle sync reads the whole course into the snapshot, and an issued badge's score lands in Moodle's grader report.</summary>
public sealed class DemoMoodleCourseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Launch_Probe_AndSync_ReadThePilotCourseThroughMoodle()
    {
        await using var host = await DemoMoodleHost.StartAsync(Ct);
        var platform = await host.RegisterAndActivateAsync(Ct);
        using var browser = DemoMoodleHost.Browser();
        var course = host.Lms.Course;

        using var launch = await host.LaunchAsync(browser, course.Instructor.UserId, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        var services = host.Service.Services;
        var bound = await services.GetRequiredService<CourseStore>().FindAsync(platform.Id, DemoMoodle.CourseId.ToString(CultureInfo.InvariantCulture), Ct);
        Assert.NotNull(bound);
        Assert.Equal("2", bound.LmsCourseId);
        Assert.Equal(host.Moodle.LineItemsUrl(host.Moodle.CourseTool!.TypeId).AbsoluteUri, bound.AgsLineitemsUrl);
        Assert.Equal(host.Moodle.MembershipsUrl(host.Moodle.CourseTool.TypeId).AbsoluteUri, bound.NrpsMembershipsUrl);

        var probe = await services.GetRequiredService<MoodleTokenProbe>().ProbeAsync(new Uri(host.Moodle.WwwRoot), host.Moodle.WebServiceToken, DemoMoodle.CourseId, Ct);
        Assert.True(probe.IsReady, string.Join("; ", probe.Findings.Select(f => f.Code + " " + f.Message)));
        var wrong = await services.GetRequiredService<MoodleTokenProbe>().ProbeAsync(new Uri(host.Moodle.WwwRoot), "not-the-token", DemoMoodle.CourseId, Ct);
        Assert.False(wrong.TokenAccepted);

        await services.GetRequiredService<PlatformCredentialsStore>().SaveMoodleAsync(platform.Id, new Uri(host.Moodle.WwwRoot), host.Moodle.WebServiceToken, Ct);
        var result = await services.GetRequiredService<SyncCourseJob>().RunAsync(bound.Id, Ct);

        Assert.True(result.Outcome == SyncOutcome.Succeeded && result.Code is null, $"{result.Outcome} {result.Code} {result.Message}");
        await using var connection = await services.GetRequiredService<Database>().OpenAsync(Ct);
        async Task<long> CountAsync(string table, string where = "") => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {table} WHERE course_id = @id {where}", new { id = bound.Id }, cancellationToken: Ct));
        Assert.Equal(course.Assignments.Count, await CountAsync("items", "AND source = 'moodle'"));
        Assert.Equal(course.Learners.Count, await CountAsync("enrollments", "AND roles = 'Learner'"));
        Assert.Equal(course.Submissions.Count(s => s.Score is not null && !s.Excused || s.SubmittedAt is not null), await CountAsync("scores"));
        var rubricRated = course.Submissions.Count(s => s.AssignmentId == PilotCourse.CapstoneAssignmentId && s.Rubric is not null && s.Score is not null);
        Assert.Equal(rubricRated * course.Rubric.Count, await CountAsync("rubric_results"));
        Assert.Equal(rubricRated, await CountAsync("outcome_results"));
        Assert.Equal(1, await CountAsync("catalogue_entries", "AND kind = 'rubric'"));

        // The course total (natural aggregation, empty grades count as zero) is the course's final score.
        var learner = course.Learners[0];
        var final = await connection.ExecuteScalarAsync<double?>(new CommandDefinition(
            "SELECT e.final_score FROM enrollments e JOIN people p ON p.id = e.person_id WHERE e.course_id = @id AND p.lti_user_id = @sub",
            new { id = bound.Id, sub = learner.UserId.ToString(CultureInfo.InvariantCulture) }, cancellationToken: Ct));
        Assert.Equal((double)course.FinalScore(learner.UserId), final!.Value, 2);
        var architecture = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT level FROM outcome_results o JOIN people p ON p.id = o.person_id WHERE o.course_id = @id AND p.lti_user_id = @sub",
            new { id = bound.Id, sub = learner.UserId.ToString(CultureInfo.InvariantCulture) }, cancellationToken: Ct));
        var expected = course.SubmissionsOf(learner.UserId).Single(s => s.AssignmentId == PilotCourse.CapstoneAssignmentId).Rubric is { } levels
            ? course.Rubric.Single(c => c.OutcomeId == PilotCourse.ArchitectureOutcomeId).RatingAt(levels["crit_architecture"]).Description
            : null;
        Assert.Equal(expected, architecture);
    }

    [Fact]
    public async Task IssuedBadge_PostsItsScoreToMoodlesAgs_AndShowsInTheGraderReport()
    {
        await using var host = await DemoMoodleHost.StartAsync(Ct);
        var platform = await host.RegisterAndActivateAsync(Ct);
        var services = host.Service.Services;
        var database = services.GetRequiredService<Database>();
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(database, platform.Id, IssuanceSeed.PilotDefinition(), Ct);
        var awardId = (await IssuanceSeed.AwardsAsync(database, platform.Id, courseId, achievementId, 1, Ct))[0];
        var learner = host.Lms.Course.Learners[0];
        var typeId = host.Moodle.CourseTool!.TypeId;
        await using (var connection = await database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE courses SET ags_lineitems_url = @url WHERE id = @courseId", new { url = host.Moodle.LineItemsUrl(typeId).AbsoluteUri, courseId }, cancellationToken: Ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE people SET lti_user_id = @sub WHERE id = (SELECT person_id FROM awards WHERE id = @awardId)",
                new { sub = learner.UserId.ToString(CultureInfo.InvariantCulture), awardId }, cancellationToken: Ct));
        }

        await services.GetRequiredService<OutboxStore>().EnqueueAsync(
            platform.Id, IssuanceKinds.IssueCredential, IssuanceKinds.IssueDedupeKey(awardId), IssuanceKinds.Payload(awardId), Ct);
        var handlers = services.GetServices<IOutboxHandler>().ToList();
        Assert.Equal(1, await handlers.Single(h => h.Kind == IssuanceKinds.IssueCredential).ProcessBatchAsync(Ct));
        Assert.Equal(1, await handlers.Single(h => h.Kind == GradebookKinds.PostScore).ProcessBatchAsync(Ct));

        var column = Assert.Single(host.Moodle.Gradebook.LineItems);
        Assert.Equal("Cloud Computing Fundamentals", column.Label);
        var score = host.Moodle.Gradebook.ScoreOf(column.Id, learner.UserId.ToString(CultureInfo.InvariantCulture));
        Assert.NotNull(score);
        Assert.Equal(1, score.ScoreGiven);
        using var http = new HttpClient();
        var report = WebUtility.HtmlDecode(await http.GetStringAsync(host.Moodle.GradebookUrl, Ct));
        Assert.Contains("<th scope=\"col\">Cloud Computing Fundamentals</th>", report, StringComparison.Ordinal);
        Assert.Contains("1.00 / 1.00 — Badge \"Cloud Computing Fundamentals\" earned.", report, StringComparison.Ordinal);
    }
}
