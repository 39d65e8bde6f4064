using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Testing.Emulators;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

public sealed class MoodleClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IMoodleClient ClientFor(ServiceProvider services, EmulatedMoodle moodle, string? token = null) =>
        services.GetRequiredService<IMoodleClientFactory>().Create(moodle.SiteUrl, token ?? moodle.Options.Token);

    [Fact]
    public async Task SiteInfo_UnderASubPath_ListsTheServiceFunctions_WithoutTheTokenInTheUrl()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();

        var info = await ClientFor(services, moodle).GetSiteInfoAsync(Ct);

        Assert.True(info.IsSuccess, info.ToString());
        Assert.Equal(MoodleCourseFixture.ServiceUserId, info.Value.UserId);
        Assert.Empty(MoodleWebServiceRequirements.MissingFunctions(info.Value.Functions.Select(f => f.Name)));
        Assert.Equal(0, moodle.TokensInQuery);
        Assert.StartsWith("LtiBadgeBridge/", moodle.LastUserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidToken_InA200Body_IsTokenInvalid()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();

        var result = await ClientFor(services, moodle, "not-the-token").GetSiteInfoAsync(Ct);

        Assert.Equal(PlatformErrorKind.TokenInvalid, result.Error?.Kind);
        Assert.Equal(PlatformErrorCodes.MoodleInvalidToken, result.Error?.Code);
        Assert.Equal("invalidtoken", result.Error?.PlatformCode);
        Assert.Equal(1, moodle.TotalRequests);
    }

    [Fact]
    public async Task FunctionNotInService_WithDebugInfo_IsFunctionUnavailable()
    {
        using var moodle = EmulatedMoodle.Start(new EmulatedMoodleOptions { DebugInfo = true });
        moodle.RemoveFunction(MoodleWebServiceRequirements.GetGrades);
        await using var services = PlatformServices.Build();

        var result = await ClientFor(services, moodle).GetGradesAsync([moodle.Fixture.AssignmentId(0)], null, Ct);

        Assert.Equal(PlatformErrorKind.FunctionUnavailable, result.Error?.Kind);
        Assert.Equal(PlatformErrorCodes.MoodleFunctionNotInService, result.Error?.Code);
    }

    [Fact]
    public async Task FunctionNotInService_WithoutDebugInfo_IsAnAccessException()
    {
        using var moodle = EmulatedMoodle.Start();
        moodle.RemoveFunction(MoodleWebServiceRequirements.GetGrades);
        await using var services = PlatformServices.Build();

        var result = await ClientFor(services, moodle).GetGradesAsync([moodle.Fixture.AssignmentId(0)], null, Ct);

        Assert.Equal(PlatformErrorKind.NotAuthorized, result.Error?.Kind);
        Assert.Equal(PlatformErrorCodes.MoodleAccessException, result.Error?.Code);
    }

    [Fact]
    public async Task MissingCapability_IsNotAuthorized_WithMoodlesMessage()
    {
        using var moodle = EmulatedMoodle.Start();
        moodle.DenyCapability(MoodleWebServiceRequirements.GetGradeItems);
        await using var services = PlatformServices.Build();

        var result = await ClientFor(services, moodle).GetGradeItemsAsync(moodle.Fixture.CourseId, moodle.Fixture.LearnerId(1), Ct);

        Assert.Equal(PlatformErrorCodes.MoodleMissingCapability, result.Error?.Code);
        Assert.Contains("View all grades", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assignments_AreReadFromCoursesTheServiceUserIsNotEnrolledIn()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();

        var result = await ClientFor(services, moodle).GetAssignmentsAsync([moodle.Fixture.CourseId], Ct);

        var course = Assert.Single(result.Value.Courses);
        Assert.Equal(moodle.Fixture.AssignmentCount, course.Assignments.Count);
        Assert.Equal(moodle.Fixture.Cmid(0), course.Assignments[0].Cmid);
        Assert.Empty(result.Value.Warnings);
    }

    [Fact]
    public async Task Grades_ArriveAsStrings_AndParseToScores()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();
        var assignmentIds = Enumerable.Range(0, moodle.Fixture.AssignmentCount).Select(moodle.Fixture.AssignmentId).ToList();

        var result = await ClientFor(services, moodle).GetGradesAsync(assignmentIds, null, Ct);

        Assert.Equal(moodle.Fixture.AssignmentCount, result.Value.Assignments.Count);
        var grade = result.Value.Assignments[1].Grades.Single(g => g.UserId == moodle.Fixture.LearnerId(2));
        Assert.Equal(moodle.Fixture.GradeString(2, 1), grade.Grade);
        Assert.Matches(@"^\d+\.00000$", grade.Grade);
        Assert.Equal(moodle.Fixture.Grade(2, 1), grade.Score);
    }

    [Fact]
    public async Task CourseTotal_IsGradeRaw_AndNullForALearnerWhoNeverSubmitted()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();
        var client = ClientFor(services, moodle);

        var submitted = await client.GetGradeItemsAsync(moodle.Fixture.CourseId, moodle.Fixture.LearnerId(3), Ct);
        var never = await client.GetGradeItemsAsync(moodle.Fixture.CourseId, moodle.Fixture.LearnerId(0), Ct);

        Assert.Equal(moodle.Fixture.CourseTotal(3), submitted.Value!.CourseTotal!.GradeRaw);
        Assert.Null(never.Value!.CourseTotal!.GradeRaw);
        Assert.Null(never.Value.CourseTotal.Percentage);
    }

    [Fact]
    public async Task Submissions_CarryFilesAndOnlineText_AndSinceFiltersThem()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();
        var client = ClientFor(services, moodle);
        var assignmentId = moodle.Fixture.AssignmentId(0);

        var all = await client.GetSubmissionsAsync([assignmentId], null, Ct);
        var since = DateTimeOffset.FromUnixTimeSeconds(moodle.Fixture.TimeModified(3, 0));
        var recent = await client.GetSubmissionsAsync([assignmentId], since, Ct);

        var submissions = Assert.Single(all.Value.Assignments).Submissions;
        Assert.Equal(moodle.Fixture.LearnerCount - 1, submissions.Count);
        var file = submissions[0].Plugins.Single(p => p.Type == "file").FileAreas[0].Files[0];
        Assert.Contains("/webservice/pluginfile.php/", file.FileUrl, StringComparison.Ordinal);
        Assert.Equal("application/pdf", file.MimeType);
        Assert.Contains("Reflection", submissions[0].Plugins.Single(p => p.Type == "onlinetext").EditorFields[0].Text, StringComparison.Ordinal);
        Assert.Equal(moodle.Fixture.LearnerCount - 3, Assert.Single(recent.Value.Assignments).Submissions.Count);
    }

    [Fact]
    public async Task FileDownload_UsesTheToken_AndAnInvalidTokenIsATypedError()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();
        var submissions = await ClientFor(services, moodle).GetSubmissionsAsync([moodle.Fixture.AssignmentId(1)], null, Ct);
        var fileUrl = new Uri(submissions.Value.Assignments[0].Submissions[0].Plugins[0].FileAreas[0].Files[0].FileUrl!);

        using var good = new MemoryStream();
        var downloaded = await ClientFor(services, moodle).DownloadFileAsync(fileUrl, good, Ct);
        using var bad = new MemoryStream();
        var refused = await ClientFor(services, moodle, "wrong-token").DownloadFileAsync(fileUrl, bad, Ct);

        Assert.True(downloaded.IsSuccess, downloaded.ToString());
        Assert.Equal(moodle.Fixture.FileContent(1, 1), good.ToArray());
        Assert.Equal("application/pdf", downloaded.Value.ContentType);
        Assert.Equal(PlatformErrorCodes.MoodleInvalidToken, refused.Error?.Code);
        Assert.Equal(0, bad.Length);
    }

    [Fact]
    public async Task FileDownload_OnAnotherHost_IsRefusedWithoutSendingTheToken()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();
        using var sink = new MemoryStream();

        var result = await ClientFor(services, moodle).DownloadFileAsync(new Uri("http://files.elsewhere.example/webservice/pluginfile.php/1/x.pdf"), sink, Ct);

        Assert.Equal(PlatformErrorKind.InvalidParameter, result.Error?.Kind);
        Assert.Equal(0, moodle.TotalRequests);
    }

    [Fact]
    public async Task Rubric_DefinitionsAndInstances_GiveTheLevelPerCriterion()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();
        var client = ClientFor(services, moodle);

        var definitions = await client.GetGradingDefinitionsAsync([moodle.Fixture.Cmid(1)], Ct);
        var definition = Assert.Single(Assert.Single(definitions.Value.Areas).Definitions);
        var instances = await client.GetGradingInstancesAsync(definition.Id, null, Ct);
        var grades = await client.GetGradesAsync([moodle.Fixture.AssignmentId(1)], null, Ct);

        Assert.Equal("rubric", definition.Method);
        Assert.Equal(MoodleCourseFixture.CriteriaPerRubric, definition.Rubric!.Criteria.Count);
        Assert.Equal(3, definition.Rubric.Criteria[0].Levels.Count);
        var learnerGrade = grades.Value.Assignments[0].Grades.Single(g => g.UserId == moodle.Fixture.LearnerId(4));
        var instance = instances.Value.Instances.Single(i => i.ItemId == learnerGrade.Id);
        var filling = instance.Rubric!.Criteria.Single(c => c.CriterionId == moodle.Fixture.CriterionId(1, 0));
        Assert.Equal(moodle.Fixture.LevelId(1, 0, moodle.Fixture.LevelGiven(4, 1, 0)), filling.LevelId);
    }

    [Fact]
    public async Task Competencies_AndOneLearnersRatings_AreRead()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();
        var client = ClientFor(services, moodle);

        var competencies = await client.ListCourseCompetenciesAsync(moodle.Fixture.CourseId, Ct);
        var report = await client.GetCompetencyReportAsync(moodle.Fixture.CourseId, moodle.Fixture.LearnerId(2), Ct);

        Assert.Equal(MoodleCourseFixture.CompetencyIds, competencies.Value.Select(c => c.Competency.Id));
        Assert.Equal(2, report.Value.UserCompetencies.Count);
        var rating = report.Value.UserCompetencies[1].UserCompetencyCourse;
        Assert.Equal(moodle.Fixture.CompetencyGrade(2, 1), rating.Grade);
        Assert.Equal(rating.Grade >= 2, rating.Proficiency);
        Assert.Equal(MoodleCourseFixture.CompetencyIds[1], report.Value.UserCompetencies[1].Competency!.Competency!.Id);
    }

    [Fact]
    public async Task EnrolledUsers_ArePagedByUser()
    {
        using var moodle = EmulatedMoodle.Start(new EmulatedMoodleOptions { Learners = 7 });
        await using var services = PlatformServices.Build();
        var client = ClientFor(services, moodle);

        var first = await client.GetEnrolledUsersAsync(moodle.Fixture.CourseId, 0, 5, Ct);
        var second = await client.GetEnrolledUsersAsync(moodle.Fixture.CourseId, 5, 5, Ct);

        Assert.Equal(5, first.Value.Count);
        Assert.Equal([moodle.Fixture.LearnerId(5), moodle.Fixture.LearnerId(6)], second.Value.Select(u => u.Id));
        Assert.Equal("student", second.Value[0].Roles[0].ShortName);
    }
}
