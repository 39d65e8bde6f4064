using System.Net;
using System.Text.Json;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.CourseHome;

/// <summary>The instructor's course home on the real service: connection state, sync progress and errors, sync now,
/// and who may see it.</summary>
public sealed class CourseHomeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CourseHome_CanvasNotConnected_OffersConnectInANewWindow_ConnectedOffersDisconnect()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var course = await CourseSessions.AddCanvasCourseAsync(service, canvas, Cancel);
        var s = CourseSessions.S(await CourseSessions.MintAsync(service, course, LtiRoleKind.Instructor, Cancel));
        using var http = service.CreateClient();

        var before = await http.GetStringAsync(new Uri(service.BaseUrl, "/lti/instructor?" + s), Cancel);
        await service.Services.GetRequiredService<PlatformCredentialsStore>().SaveCourseTokenAsync(
            course.PlatformId, course.Id, new CanvasOAuthToken { AccessToken = "at-1", ExpiresAt = TimeProvider.System.GetUtcNow().AddHours(1) }, Cancel);
        var after = await http.GetStringAsync(new Uri(service.BaseUrl, "/lti/instructor?" + s), Cancel);

        Assert.Contains("Not connected to Canvas", before, StringComparison.Ordinal);
        Assert.Matches("id=\"canvas-connect\" href=\"/sync/canvas/connect\\?s=[^\"]+\" target=\"_blank\"", before);
        Assert.DoesNotContain("/sync/canvas/disconnect", before, StringComparison.Ordinal);
        Assert.Contains("Connected to Canvas", after, StringComparison.Ordinal);
        Assert.Contains("action=\"/sync/canvas/disconnect\"", after, StringComparison.Ordinal);
        Assert.Contains("/lti/instructor/achievements?s=", after, StringComparison.Ordinal);
        Assert.Contains("/lti/instructor/outcomes?s=", after, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/course.js", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CourseHome_WhileASyncRuns_ShowsPhaseAndProgress_AndTheStatusJsonAgrees()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var course = await CourseSessions.AddCanvasCourseAsync(service, canvas, Cancel);
        var s = CourseSessions.S(await CourseSessions.MintAsync(service, course, LtiRoleKind.Instructor, Cancel));
        var runs = service.Services.GetRequiredService<SyncRunStore>();
        Assert.NotNull(await runs.TryAcquireAsync(course.PlatformId, course.Id, TimeSpan.FromMinutes(10), Cancel));
        await runs.SavePhaseAsync(course.Id, new SyncCheckpoint { Phase = SyncPhases.Submissions, RunStartedAt = TimeProvider.System.GetUtcNow() }, TimeSpan.FromMinutes(10), Cancel);
        using var http = service.CreateClient();

        var html = await http.GetStringAsync(new Uri(service.BaseUrl, "/lti/instructor?" + s), Cancel);
        using var status = await http.GetAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/status?{s}"), Cancel);
        using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync(Cancel));

        var percent = SyncPhases.PercentOf(SyncPhases.Submissions);
        Assert.True(percent > 0);
        Assert.Contains("data-running=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Reading submissions", html, StringComparison.Ordinal);
        Assert.Contains($"<progress id=\"sync-progress\" max=\"100\" value=\"{percent}\"", html, StringComparison.Ordinal);
        Assert.Contains($"aria-valuenow=\"{percent}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.True(json.RootElement.GetProperty("running").GetBoolean());
        Assert.Equal(percent, json.RootElement.GetProperty("percent").GetInt32());
        Assert.Equal("Reading submissions", json.RootElement.GetProperty("phaseLabel").GetString());
    }

    [Fact]
    public async Task CourseHome_AfterAFailedSync_ShowsTheErrorInPlainWordsAndWhatToDo()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var course = await CourseSessions.AddCanvasCourseAsync(service, canvas, Cancel);
        var s = CourseSessions.S(await CourseSessions.MintAsync(service, course, LtiRoleKind.Instructor, Cancel));
        var runs = service.Services.GetRequiredService<SyncRunStore>();
        await runs.TryAcquireAsync(course.PlatformId, course.Id, TimeSpan.FromMinutes(10), Cancel);
        await runs.FailAsync(course.Id, SyncStates.Paused, SyncErrorCodes.NotConnected, "This course is not connected to Canvas yet.", Cancel);
        using var http = service.CreateClient();

        var html = await http.GetStringAsync(new Uri(service.BaseUrl, "/lti/instructor?" + s), Cancel);

        Assert.Contains("data-running=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("Paused: needs your attention", html, StringComparison.Ordinal);
        Assert.Contains("This course is not connected to Canvas yet.", html, StringComparison.Ordinal);
        Assert.Contains(SyncErrorCodes.NotConnected, html, StringComparison.Ordinal);
        Assert.Contains("Connect the course to Canvas again", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sync-error\" class=\"course-error\" role=\"alert\" hidden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CourseHome_Moodle_ShowsTheConfiguredTokenAndTheProbeFindingsOnRequest()
    {
        using var moodle = EmulatedMoodle.Start();
        moodle.RemoveFunction(LtiBadgeBridge.Platforms.Moodle.MoodleWebServiceRequirements.CompetencyReport);
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var platform = await service.Services.GetRequiredService<LtiBadgeBridge.Registrations.PlatformStore>().UpsertAsync(new LtiBadgeBridge.Registrations.PlatformRegistration
        {
            Issuer = moodle.SiteUrl.AbsoluteUri.TrimEnd('/'),
            ClientId = "moodle-client",
            Name = "Moodle",
            ProductFamily = LtiBadgeBridge.Registrations.ProductFamilies.Moodle,
            AuthorizationEndpoint = moodle.SiteUrl + "mod/lti/auth.php",
            TokenEndpoint = moodle.SiteUrl + "mod/lti/token.php",
            JwksUri = moodle.SiteUrl + "mod/lti/certs.php",
        }, Cancel);
        await service.Services.GetRequiredService<PlatformCredentialsStore>().SaveMoodleAsync(platform.Id, moodle.SiteUrl, moodle.Options.Token, Cancel);
        var course = await service.Services.GetRequiredService<LtiBadgeBridge.Courses.CourseStore>().UpsertFromLaunchAsync(new LtiBadgeBridge.Courses.Course
        {
            PlatformId = platform.Id,
            DeploymentId = "7",
            ContextId = moodle.Fixture.CourseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LmsCourseId = moodle.Fixture.CourseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = "Big Data",
        }, Cancel);
        var s = CourseSessions.S(await CourseSessions.MintAsync(service, course, LtiRoleKind.Instructor, Cancel));
        using var http = service.CreateClient();

        var home = await http.GetStringAsync(new Uri(service.BaseUrl, "/lti/instructor?" + s), Cancel);
        var probed = await http.GetStringAsync(new Uri(service.BaseUrl, "/lti/instructor?probe=true&" + s), Cancel);

        Assert.Contains("Moodle web service token configured", home, StringComparison.Ordinal);
        Assert.Contains("Check the token", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Connect to Canvas", home, StringComparison.Ordinal);
        Assert.Contains("The token has problems", probed, StringComparison.Ordinal);
        Assert.Contains("function_missing", probed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LearnerSession_IsRefusedTheCourseHomeAndTheSyncEndpoints()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var course = await CourseSessions.AddCanvasCourseAsync(service, canvas, Cancel);
        var s = CourseSessions.S(await CourseSessions.MintAsync(service, course, LtiRoleKind.Learner, Cancel));
        using var http = service.CreateClient();

        using var page = await http.GetAsync(new Uri(service.BaseUrl, "/lti/instructor?" + s), Cancel);
        using var status = await http.GetAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/status?{s}"), Cancel);
        using var run = await http.PostAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/run?{s}"), null, Cancel);
        using var connect = await http.GetAsync(new Uri(service.BaseUrl, "/sync/canvas/connect?" + s), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, run.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, connect.StatusCode);
        Assert.DoesNotContain(await CourseSessions.OutboxPayloadsAsync(service, SyncPublisher.SyncCourseKind, Cancel), p => p.Contains("\"on-demand\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncNow_FormWithTheSession_QueuesASyncAndReturnsToTheCourseHome_CookieAloneIsNotEnough()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var course = await CourseSessions.AddCanvasCourseAsync(service, canvas, Cancel);
        var token = await CourseSessions.MintAsync(service, course, LtiRoleKind.Instructor, Cancel);
        var cookies = new CookieContainer();
        cookies.Add(service.BaseUrl, new Cookie(LtiBadgeBridge.Web.Lti.LtiCookies.SessionPlain, token));
        using var http = service.CreateClient(cookies: cookies);

        using var withoutToken = await http.PostAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/run"), new FormUrlEncodedContent([]), Cancel);
        using var run = await http.PostAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/run"), new FormUrlEncodedContent([new("s", token)]), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, run.StatusCode);
        Assert.StartsWith("/lti/instructor?s=", run.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // The scheduled sync may have asked first within the same five minutes; either way one sync is queued.
        Assert.Matches("&notice=sync-(already-)?queued$", run.Headers.Location.OriginalString);
        Assert.Single(await CourseSessions.OutboxPayloadsAsync(service, SyncPublisher.SyncCourseKind, Cancel), p => p.Contains($"\"courseId\":{course.Id}", StringComparison.Ordinal));
        var home = await http.GetStringAsync(new Uri(service.BaseUrl, run.Headers.Location.OriginalString), Cancel);
        Assert.Contains("A sync was", home, StringComparison.Ordinal);
    }
}
