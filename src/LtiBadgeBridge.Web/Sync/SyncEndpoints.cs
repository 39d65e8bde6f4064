using System.Net;
using Hangfire;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Sync;

/// <summary>
/// Course sync endpoints: Canvas OAuth2 connect/callback/disconnect, sync now, and the status JSON of
/// the progress bar. All but the callback need an instructor's iframe session of the course
/// (<see cref="CourseAccess"/>); the callback is bound to its course by the OAuth2 <c>state</c>
/// (<see cref="SyncAccessTokens"/>). Form posts return to the course page; scripts get JSON.
/// </summary>
internal static class SyncEndpoints
{
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);
    private static readonly System.Text.Json.JsonSerializerOptions StatusJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static void Map(WebApplication app)
    {
        var role = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value.ParsedRole;
        if (role is HostRole.All or HostRole.Worker)
        {
            var sync = app.Services.GetRequiredService<IOptions<SyncOptions>>().Value;
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SyncScheduleJob>(
                SyncScheduleJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), sync.ScheduleCron);
        }

        if (role is not (HostRole.All or HostRole.Web))
        {
            return;
        }

        app.MapGet("/sync/canvas/connect", ConnectAsync);
        app.MapGet("/sync/canvas/callback", CallbackAsync);
        app.MapPost("/sync/canvas/disconnect", DisconnectAsync);
        app.MapPost("/sync/courses/{id:long}/run", RunAsync);
        app.MapGet("/sync/courses/{id:long}/status", StatusAsync);
    }

    /// <summary>The redirect URI registered on the Canvas developer key.</summary>
    public static Uri CanvasRedirectUri(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<SyncOptions>>().Value.CanvasRedirectUri;
        if (configured is not null)
        {
            return configured;
        }

        var baseUrl = services.GetRequiredService<IOptions<ServiceOptions>>().Value.PublicBaseUrl ?? "http://localhost/";
        return new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), "sync/canvas/callback");
    }

    private static async Task<IResult> ConnectAsync(
        long? course, HttpContext http, SyncAccessTokens tokens, CourseStore courses,
        PlatformCredentialsStore credentials, ICanvasOAuthClient oauth, CancellationToken cancellationToken)
    {
        var (session, denied) = await CourseAccess.AuthorizeAsync(http, course, requireExplicitToken: true);
        if (session is null)
        {
            return denied!;
        }

        var found = await courses.GetAsync(session.CourseId!.Value, cancellationToken);
        var lms = found is null ? null : await credentials.GetAsync(found.PlatformId, cancellationToken);
        if (found is null || lms is not { Kind: PlatformCredentialsStore.CanvasKind })
        {
            return Page(409, "Not connected", "No Canvas API developer key is configured for this course's platform; ask an administrator. (sync.not_configured)");
        }

        // Canvas's authorisation page refuses to be framed: the course page opens this in a new window.
        var state = tokens.Create(found.Id, SyncAccessTokens.StatePurpose, StateLifetime);
        var url = oauth.BuildAuthorizeUrl(lms.BaseUrl, DeveloperKey(lms, http.RequestServices), state);
        return Results.Redirect(url.AbsoluteUri);
    }

    private static async Task<IResult> CallbackAsync(
        string? code, string? state, string? error, HttpContext http, SyncAccessTokens tokens, CourseStore courses,
        PlatformCredentialsStore credentials, SyncRunStore runs, SyncPublisher publisher, ICanvasOAuthClient oauth, CancellationToken cancellationToken)
    {
        var courseId = tokens.Validate(state, SyncAccessTokens.StatePurpose);
        if (courseId is null)
        {
            return Page(400, "Connection failed", "The answer from Canvas does not belong to a connection started here (or it took too long). Start again from the course. (sync.invalid_state)");
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            return Page(400, "Not connected", "Canvas did not authorise the connection (the request was declined). You can close this window. (sync.authorization_denied)");
        }

        var course = await courses.GetAsync(courseId.Value, cancellationToken);
        var lms = course is null ? null : await credentials.GetAsync(course.PlatformId, cancellationToken);
        if (course is null || lms is not { Kind: PlatformCredentialsStore.CanvasKind })
        {
            return Page(409, "Not connected", "No Canvas API developer key is configured for this course's platform. (sync.not_configured)");
        }

        var exchanged = await oauth.ExchangeCodeAsync(lms.BaseUrl, DeveloperKey(lms, http.RequestServices), code, cancellationToken);
        if (!exchanged.IsSuccess)
        {
            return Page(502, "Not connected", $"Canvas refused the connection: {exchanged.Error.Message} ({exchanged.Error.Code})");
        }

        await credentials.SaveCourseTokenAsync(course.PlatformId, course.Id, exchanged.Value, cancellationToken);
        await runs.ResumeAsync(course.Id, cancellationToken);
        await publisher.PublishSyncNowAsync(course.PlatformId, course.Id, "connected", cancellationToken);
        return Page(200, "Connected", "This course is connected to Canvas and the first sync has started. You can close this window: the course page shows the progress.");
    }

    private static async Task<IResult> DisconnectAsync(
        long? course, HttpContext http, CourseStore courses, PlatformCredentialsStore credentials,
        ICanvasOAuthClient oauth, CancellationToken cancellationToken)
    {
        var (session, denied) = await CourseAccess.AuthorizeAsync(http, course, requireExplicitToken: true);
        if (session is null)
        {
            return denied!;
        }

        var courseId = session.CourseId!.Value;
        var found = await courses.GetAsync(courseId, cancellationToken);
        var lms = found is null ? null : await credentials.GetAsync(found.PlatformId, cancellationToken);
        var stored = await credentials.GetCourseTokenAsync(courseId, cancellationToken);
        if (lms is not null && stored is not null)
        {
            var revoked = await oauth.RevokeAsync(lms.BaseUrl, stored.AccessToken, cancellationToken);
            if (!revoked.IsSuccess)
            {
                return CourseAccess.IsFormPost(http)
                    ? SeeOther(CourseAccess.CourseHome(http, "disconnect-failed"))
                    : CourseAccess.Problem(502, revoked.Error.Code, revoked.Error.Message);
            }
        }

        await credentials.DeleteCourseTokenAsync(courseId, cancellationToken);
        return CourseAccess.IsFormPost(http)
            ? SeeOther(CourseAccess.CourseHome(http, "disconnected"))
            : Results.Ok(new { courseId, connected = false });
    }

    private static async Task<IResult> RunAsync(
        long id, HttpContext http, CourseStore courses, SyncRunStore runs, SyncPublisher publisher, CancellationToken cancellationToken)
    {
        var (session, denied) = await CourseAccess.AuthorizeAsync(http, id, requireExplicitToken: true);
        if (session is null)
        {
            return denied!;
        }

        var course = await courses.GetAsync(id, cancellationToken);
        if (course is null)
        {
            return CourseAccess.Problem(404, SyncErrorCodes.CourseUnknown, "There is no such course.");
        }

        await runs.ResumeAsync(id, cancellationToken);
        var added = await publisher.PublishSyncAsync(course.PlatformId, id, "on-demand", cancellationToken);
        return CourseAccess.IsFormPost(http)
            ? SeeOther(CourseAccess.CourseHome(http, added ? "sync-queued" : "sync-already-queued"))
            : Results.Accepted($"/sync/courses/{id}/status", new { courseId = id, queued = added });
    }

    private static async Task<IResult> StatusAsync(
        long id, HttpContext http, CourseStore courses, SyncRunStore runs, PlatformCredentialsStore credentials, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (session, denied) = await CourseAccess.AuthorizeAsync(http, id, requireExplicitToken: false);
        if (session is null)
        {
            return denied!;
        }

        var course = await courses.GetAsync(id, cancellationToken);
        if (course is null)
        {
            return CourseAccess.Problem(404, SyncErrorCodes.CourseUnknown, "There is no such course.");
        }

        var status = await runs.GetAsync(id, cancellationToken) ?? new SyncStatus { CourseId = id, PlatformId = course.PlatformId };
        var lms = await credentials.GetAsync(course.PlatformId, cancellationToken);
        bool? connected = lms is { Kind: PlatformCredentialsStore.CanvasKind } || lms is null
            ? await credentials.GetCourseTokenAsync(id, cancellationToken) is not null
            : null;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(SyncStatusView.From(status, course.LmsState, connected, timeProvider.GetUtcNow()), StatusJson);
    }

    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    private static CanvasDeveloperKey DeveloperKey(LmsCredentials lms, IServiceProvider services) => new()
    {
        ClientId = lms.ClientId ?? string.Empty,
        ClientSecret = lms.Secret,
        RedirectUri = CanvasRedirectUri(services),
    };

    private static IResult Page(int status, string title, string message) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title>" +
        $"<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><h1>{WebUtility.HtmlEncode(title)}</h1>" +
        $"<p>{WebUtility.HtmlEncode(message)}</p></main></body></html>",
        "text/html; charset=utf-8",
        statusCode: status);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            httpContext.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }
    }
}
