using System.Globalization;
using System.Net;
using System.Text.Json;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;
using LtiBadgeBridge.Tests.Integration.CourseHome;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>The sync endpoints on the real host: Canvas connect and callback, sync now, status.</summary>
public sealed class SyncEndpointTests
{
    [Fact]
    public async Task Connect_ThroughCanvasAuthorize_StoresTokenAndQueuesSync_StatusShowsConnected()
    {
        var ct = TestContext.Current.CancellationToken;
        using var canvas = EmulatedCanvas.Start();
        await using var service = await TestService.StartAsync(cancellationToken: ct);
        var course = await AddCourseAsync(service, canvas, ct);
        var access = CourseSessions.S(await CourseSessions.MintAsync(service, course, LtiRoleKind.Instructor, ct));
        using var http = service.CreateClient();

        using var connect = await http.GetAsync(new Uri(service.BaseUrl, $"/sync/canvas/connect?{access}"), ct);

        Assert.Equal(HttpStatusCode.Redirect, connect.StatusCode);
        var authorize = connect.Headers.Location!;
        Assert.StartsWith(canvas.BaseUrl + "login/oauth2/auth", authorize.AbsoluteUri, StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        var redirect = new Uri(query["redirect_uri"]!);
        var code = canvas.IssueAuthorizationCode(redirect);

        using var callback = await http.GetAsync(new Uri(service.BaseUrl, $"/sync/canvas/callback?code={code}&state={Uri.EscapeDataString(query["state"]!)}"), ct);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var stored = await service.Services.GetRequiredService<PlatformCredentialsStore>().GetCourseTokenAsync(course.Id, ct);
        Assert.NotNull(stored);
        Assert.True(canvas.IsAccessTokenValid(stored.AccessToken));
        using var status = await http.GetAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/status?{access}"), ct);
        using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync(ct));
        Assert.True(json.RootElement.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Callback_WithForgedState_IsRefusedWithoutStoringAnything()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken: ct);
        using var http = service.CreateClient();

        using var callback = await http.GetAsync(new Uri(service.BaseUrl, "/sync/canvas/callback?code=x&state=%3Cscript%3E"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        var body = await callback.Content.ReadAsStringAsync(ct);
        Assert.Contains("sync.invalid_state", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAndStatus_WithoutAnInstructorSessionOfTheCourse_AreRefused_WithOneRunIsQueued()
    {
        var ct = TestContext.Current.CancellationToken;
        using var canvas = EmulatedCanvas.Start();
        await using var service = await TestService.StartAsync(cancellationToken: ct);
        var course = await AddCourseAsync(service, canvas, ct);
        var other = await CourseSessions.AddCanvasCourseAsync(service, canvas, ct, "ctx-other-course");
        using var http = service.CreateClient();
        var otherCourse = CourseSessions.S(await CourseSessions.MintAsync(service, other, LtiRoleKind.Instructor, ct));

        using var denied = await http.PostAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/run?{otherCourse}"), null, ct);
        using var deniedStatus = await http.GetAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/status"), ct);
        var access = CourseSessions.S(await CourseSessions.MintAsync(service, course, LtiRoleKind.Instructor, ct));
        using var run = await http.PostAsync(new Uri(service.BaseUrl, $"/sync/courses/{course.Id}/run?{access}"), null, ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, deniedStatus.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var outbox = service.Services.GetRequiredService<LtiBadgeBridge.Outbox.OutboxStore>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var key = string.Create(CultureInfo.InvariantCulture, $"sync-course:{course.Id}:{new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute - (now.Minute % 5), 0, DateTimeKind.Utc):yyyyMMddHHmm}");
        var message = await outbox.FindAsync(key, ct);
        Assert.NotNull(message);
        Assert.Contains("\"reason\":\"on-demand\"", message.Payload, StringComparison.Ordinal);
    }

    private static async Task<Course> AddCourseAsync(TestService service, EmulatedCanvas canvas, CancellationToken ct)
    {
        var platform = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com",
            ClientId = "10000000000077",
            Name = "Canvas",
            ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
            TokenEndpoint = canvas.BaseUrl + "login/oauth2/token",
            JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, ct);
        var course = await service.Services.GetRequiredService<CourseStore>().UpsertFromLaunchAsync(new Course
        {
            PlatformId = platform.Id,
            DeploymentId = "1",
            ContextId = "ctx-endpoints",
            LmsCourseId = canvas.Fixture.CourseId.ToString(CultureInfo.InvariantCulture),
        }, ct);
        await service.Services.GetRequiredService<PlatformCredentialsStore>().SaveCanvasAsync(platform.Id, canvas.BaseUrl, canvas.Options.ClientId, canvas.Options.ClientSecret, ct);
        return course;
    }
}
