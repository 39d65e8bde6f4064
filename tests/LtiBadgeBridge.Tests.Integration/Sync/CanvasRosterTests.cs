using System.Globalization;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>
/// Who the Canvas learners are: REST enrollments name them by Canvas user id; NRPS and launches reveal
/// their LTI <c>sub</c>, and placeholder people met earlier are adopted, keeping every score.
/// </summary>
public sealed class CanvasRosterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_CanvasCourseWithNrps_KnowsEveryLearnerByTheirLtiSub()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 60, Assignments = 2 });
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas, nrps: true);

        var result = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, result.Outcome);
        Assert.Null(result.Code);
        Assert.Equal(2, canvas.NrpsRequests); // 61 members at most 50 a page
        var f = canvas.Fixture;
        var people = await PeopleAsync(harness, course);
        Assert.Equal(f.LearnerCount, people.Count);
        Assert.DoesNotContain(people, p => p.LtiUserId.StartsWith("lms:", StringComparison.Ordinal));
        var learner = Assert.Single(people, p => p.LtiUserId == f.LtiSubject(7));
        Assert.Equal(Id(f.LearnerId(7)), learner.LmsUserId);
        Assert.Equal(f.AssignmentCount, learner.Scores);
    }

    [Fact]
    public async Task SyncLaunchSync_LeavesOnePersonWithEveryScore()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 5, Assignments = 3 });
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas);
        await harness.SyncAsync(course);
        var f = canvas.Fixture;
        var placeholder = Assert.Single(await PeopleAsync(harness, course), p => p.LmsUserId == Id(f.LearnerId(2)));
        Assert.StartsWith("lms:canvas:", placeholder.LtiUserId, StringComparison.Ordinal);
        Assert.Equal(f.AssignmentCount, placeholder.Scores);

        var binding = await harness.LaunchCanvasLearnerAsync(course, f.LtiSubject(2), f.LearnerId(2));
        var second = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, second.Outcome);
        var people = await PeopleAsync(harness, course);
        Assert.Equal(f.LearnerCount, people.Count);
        var person = Assert.Single(people, p => p.LmsUserId == Id(f.LearnerId(2)));
        Assert.Equal(binding.PersonId, person.Id);
        Assert.Equal(f.LtiSubject(2), person.LtiUserId);
        Assert.Equal(f.AssignmentCount, person.Scores);
        Assert.Empty(await harness.QueryAsync<long>("SELECT id FROM people WHERE lti_user_id = @id", new { id = placeholder.LtiUserId }));
        var enrollment = Assert.Single(await harness.QueryAsync<(string Roles, double? Current)>(
            "SELECT roles, current_score FROM enrollments WHERE course_id = @courseId AND person_id = @personId", new { courseId = course.Id, personId = person.Id }));
        Assert.Equal((double?)f.CurrentScore(2), enrollment.Current);
    }

    [Fact]
    public async Task Sync_WhenNrpsArrivesLater_AdoptsThePlaceholdersAndStaysIdempotent()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 6, Assignments = 2 });
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas);
        await harness.SyncAsync(course);
        var scoresBefore = await harness.CountAsync("scores", course.Id);
        var artifactsBefore = await harness.CountAsync("artifacts", course.Id);

        // A later launch records the NRPS claim's membership URL.
        course = await harness.Courses.UpsertFromLaunchAsync(course with { NrpsMembershipsUrl = canvas.NamesAndRolesUrl.AbsoluteUri }, Ct);
        var second = await harness.SyncAsync(course);

        Assert.Equal(SyncOutcome.Succeeded, second.Outcome);
        var people = await PeopleAsync(harness, course);
        Assert.All(people, p => Assert.DoesNotContain("lms:", p.LtiUserId, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, canvas.Fixture.LearnerCount).Select(canvas.Fixture.LtiSubject).Order(), people.Select(p => p.LtiUserId).Order());
        Assert.Equal(scoresBefore, await harness.CountAsync("scores", course.Id));
        Assert.Equal(artifactsBefore, await harness.CountAsync("artifacts", course.Id));
        var dump = await harness.DumpAsync(course.Id);

        var third = await harness.SyncAsync(course);
        Assert.Equal(0, third.ChangedRows);
        Assert.Equal(dump, await harness.DumpAsync(course.Id));
    }

    [Fact]
    public async Task Adopt_Twice_ChangesNothingTheSecondTime()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 3, Assignments = 2 });
        await using var harness = await SyncHarness.StartAsync();
        var course = await harness.AddCanvasCourseAsync(canvas);
        await harness.SyncAsync(course);
        var lmsUserId = Id(canvas.Fixture.LearnerId(1));
        var real = await harness.Courses.UpsertPeopleAsync(course.PlatformId, [new Person { LtiUserId = canvas.Fixture.LtiSubject(1), LmsUserId = lmsUserId }], Ct);
        var adoption = harness.Services.GetRequiredService<PersonAdoption>();

        Assert.Equal(1, await adoption.AdoptAsync(course.PlatformId, real[canvas.Fixture.LtiSubject(1)], lmsUserId, Ct));
        var dump = await harness.DumpAsync(course.Id);
        Assert.Equal(0, await adoption.AdoptAsync(course.PlatformId, real[canvas.Fixture.LtiSubject(1)], lmsUserId, Ct));
        Assert.Equal(dump, await harness.DumpAsync(course.Id));
    }

    private static async Task<IReadOnlyList<(long Id, string LtiUserId, string? LmsUserId, long Scores)>> PeopleAsync(SyncHarness harness, Course course) =>
        await harness.QueryAsync<(long Id, string LtiUserId, string? LmsUserId, long Scores)>(
            """
            SELECT p.id, p.lti_user_id, p.lms_user_id, (SELECT COUNT(*) FROM scores s WHERE s.person_id = p.id AND s.course_id = @courseId) AS scores
            FROM people p JOIN enrollments e ON e.person_id = p.id WHERE e.course_id = @courseId
            """, new { courseId = course.Id });

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
