using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Tests.Integration.Platforms;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The demo LMS as the Canvas REST API, read by the tool's own Canvas client and OAuth2 client.</summary>
public sealed class DemoLmsCanvasTests(DemoLmsFixture fixture) : IClassFixture<DemoLmsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CanvasClient_ReadsTheWholePilotCourse_AcrossPages()
    {
        await using var services = PlatformServices.Build();
        var client = services.GetRequiredService<ICanvasClientFactory>().Create(fixture.Lms.Options.Origin, fixture.Lms.PersonalAccessToken);

        var course = await client.GetCourseAsync(2001, Ct);
        var assignments = await ReadAllAsync((cursor, ct) => client.GetAssignmentsAsync(2001, cursor, ct));
        var submissions = await ReadAllAsync((cursor, ct) => client.GetCourseSubmissionsAsync(2001, cursor, null, ct));
        var capstone = await ReadAllAsync((cursor, ct) => client.GetSubmissionsAsync(2001, 20010, cursor, ct));
        var enrollments = await ReadAllAsync((cursor, ct) => client.GetStudentEnrollmentsAsync(2001, cursor, ct));
        var outcomes = await client.GetOutcomeResultsAsync(2001, null, Ct);

        Assert.True(course.IsSuccess, course.ToString());
        Assert.Equal("Cloud Computing", course.Value.Name);
        Assert.Equal(10, assignments.Count);
        var rubric = Assert.Single(assignments, a => a.Id == 20010).Rubric!;
        Assert.Equal(["crit_architecture", "crit_implementation", "crit_documentation"], rubric.Select(c => c.Id));
        Assert.All(rubric, c => Assert.Equal(["Exemplary", "Proficient", "Developing", "Beginning"], c.Ratings!.Select(r => r.Description)));
        Assert.Equal(43 * 10, submissions.Count);
        Assert.Equal(43, capstone.Count);
        Assert.Contains(capstone, s => s.RubricAssessment is { Count: 3 } && s.Url!.StartsWith("https://github.com/", StringComparison.Ordinal));
        Assert.Contains(capstone, s => s.SubmissionHistory is { Count: 2 });
        Assert.Contains(submissions, s => s.Attachments is { Count: 1 });
        Assert.Contains(submissions, s => s.Missing == true);
        Assert.Contains(submissions, s => s.Late == true);
        Assert.Contains(submissions, s => s.Excused == true);
        Assert.Equal(43, enrollments.Count);
        Assert.Equal(33, enrollments.Count(e => e.Grades?.FinalScore >= 70));
        Assert.True(outcomes.IsSuccess, outcomes.ToString());
        Assert.Equal(3001, Assert.Single(outcomes.Value.Outcomes).Id);
        Assert.Equal("assignment_20010", Assert.Single(outcomes.Value.Alignments).Id);
    }

    [Fact]
    public async Task CanvasClient_SubmissionsGradedSince_OnlyReturnsLaterGrading()
    {
        await using var services = PlatformServices.Build();
        var client = services.GetRequiredService<ICanvasClientFactory>().Create(fixture.Lms.Options.Origin, fixture.Lms.PersonalAccessToken);
        var since = fixture.Lms.Course.Capstone.DueAt.AddDays(1);

        var graded = await ReadAllAsync((cursor, ct) => client.GetCourseSubmissionsAsync(
            2001, cursor, new CanvasSubmissionFilter { Since = since, Change = CanvasSubmissionChange.Graded }, ct));

        Assert.NotEmpty(graded);
        Assert.All(graded, s => Assert.Equal(20010, s.AssignmentId));
    }

    [Fact]
    public async Task CanvasClient_WithAnUnknownToken_IsRefused()
    {
        await using var services = PlatformServices.Build();
        var client = services.GetRequiredService<ICanvasClientFactory>().Create(fixture.Lms.Options.Origin, "not-a-token");

        var course = await client.GetCourseAsync(2001, Ct);

        Assert.False(course.IsSuccess);
    }

    [Fact]
    public async Task OAuth_AuthorizeAutoApproves_AndTheCodeBuysAWorkingToken()
    {
        await using var services = PlatformServices.Build();
        var oauth = services.GetRequiredService<ICanvasOAuthClient>();
        var key = new CanvasDeveloperKey
        {
            ClientId = fixture.Lms.Options.ApiClientId,
            ClientSecret = fixture.Lms.Options.ApiClientSecret,
            RedirectUri = new Uri(DemoLmsFixture.ToolOrigin, "/canvas/oauth/callback"),
        };

        using var authorize = await fixture.Http.GetAsync(oauth.BuildAuthorizeUrl(fixture.Lms.Options.Origin, key, "state-1"), Ct);
        var location = authorize.Headers.Location!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        var token = await oauth.ExchangeCodeAsync(fixture.Lms.Options.Origin, key, query["code"].ToString(), Ct);
        var course = await services.GetRequiredService<ICanvasClientFactory>().Create(fixture.Lms.Options.Origin, token.Value!.AccessToken).GetCourseAsync(2001, Ct);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith(key.RedirectUri.AbsoluteUri, location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("state-1", query["state"].ToString());
        Assert.Equal(fixture.Lms.Course.Instructor.UserId, token.Value.CanvasUserId);
        Assert.NotNull(token.Value.RefreshToken);
        Assert.True(course.IsSuccess, course.ToString());
    }

    private static async Task<List<T>> ReadAllAsync<T>(Func<PageCursor?, CancellationToken, Task<PlatformResult<Page<T>>>> read)
    {
        var all = new List<T>();
        PageCursor? cursor = null;
        do
        {
            var page = await read(cursor, Ct);
            Assert.True(page.IsSuccess, page.ToString());
            all.AddRange(page.Value.Items);
            cursor = page.Value.Next;
        }
        while (cursor is not null);

        return all;
    }
}
