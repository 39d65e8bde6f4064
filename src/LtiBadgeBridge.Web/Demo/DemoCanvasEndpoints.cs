using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>
/// The Canvas REST API of the demo course, on Canvas's routes and JSON shapes (snake_case): the course,
/// assignments with the rubric, per-assignment and course-wide submissions with history and rubric
/// assessments, enrollments with grades and outcome results; numbered pages with <c>Link</c> headers and
/// Canvas's throttle headers; OAuth2 authorize (auto-approved as the instructor) and token exchange.
/// </summary>
internal static partial class DemoCanvasEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Map(WebApplication app, DemoLms lms)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            lms.Throttle.Charge(http);
            if (lms.Tokens.CanvasUser(http.Request.Headers.Authorization) is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"canvas-lms\"";
                return Results.Json(new { errors = new[] { new { message = "Invalid access token." } } }, statusCode: 401);
            }

            return await next(context);
        });
        api.MapGet("/courses/{courseId}", (string courseId) => IsCourse(courseId) ? Ok(CourseJson(lms)) : NotFound());
        api.MapGet("/courses/{courseId}/assignments", (HttpContext http, string courseId) =>
            IsCourse(courseId) ? Paged(http, lms, lms.Course.Assignments.Select(a => AssignmentJson(lms, a)).ToList()) : NotFound());
        api.MapGet("/courses/{courseId}/assignments/{assignmentId:long}/submissions", (HttpContext http, string courseId, long assignmentId) =>
            IsCourse(courseId) && lms.Course.Assignments.Any(a => a.Id == assignmentId)
                ? Paged(http, lms, lms.Course.Submissions.Where(s => s.AssignmentId == assignmentId).Select(s => SubmissionJson(lms, s, Includes(http))).ToList())
                : NotFound());
        api.MapGet("/courses/{courseId}/students/submissions", (HttpContext http, string courseId) =>
            IsCourse(courseId) ? Paged(http, lms, CourseSubmissions(http, lms)) : NotFound());
        api.MapGet("/courses/{courseId}/enrollments", (HttpContext http, string courseId) =>
            IsCourse(courseId) ? Paged(http, lms, Enrollments(http, lms)) : NotFound());
        api.MapGet("/courses/{courseId}/outcome_results", (HttpContext http, string courseId) =>
            IsCourse(courseId) ? OutcomeResults(http, lms) : NotFound());

        app.MapGet("/login/oauth2/auth", (HttpContext http) => Authorize(http, lms));
        app.MapDelete("/login/oauth2/token", (HttpContext http) =>
            lms.Tokens.RevokeCanvasToken(http.Request.Headers.Authorization) ? Results.Json(new { }) : Results.Json(new { }, statusCode: 401));
    }

    /// <summary>The <c>authorization_code</c> and <c>refresh_token</c> grants of <c>POST /login/oauth2/token</c>.</summary>
    public static IResult OAuthToken(DemoLms lms, IFormCollection form)
    {
        string Get(string name) => form[name].ToString();
        var options = lms.Options;
        if (Get("client_id") != options.ApiClientId || Get("client_secret") != options.ApiClientSecret)
        {
            return DemoLtiEndpoints.OAuthError(401, "invalid_client", "unknown client");
        }

        if (Get("grant_type") == "refresh_token")
        {
            return lms.Tokens.RefreshCanvasToken(Get("refresh_token")) is { } refreshed
                ? Results.Json(new { access_token = refreshed, token_type = "Bearer", user = UserJson(lms.Course.Instructor), expires_in = (int)DemoTokens.Lifetime.TotalSeconds })
                : DemoLtiEndpoints.OAuthError(400, "invalid_grant", "refresh_token not found");
        }

        if (lms.Tokens.RedeemCode(Get("code"), Get("redirect_uri")) is not { } userId)
        {
            return DemoLtiEndpoints.OAuthError(400, "invalid_grant", "authorization_code not found");
        }

        var (access, refresh) = lms.Tokens.IssueCanvasTokens(userId);
        return Results.Json(new
        {
            access_token = access,
            token_type = "Bearer",
            user = UserJson(lms.Course.FindByUserId(userId)!),
            canvas_region = "not_configured",
            refresh_token = refresh,
            expires_in = (int)DemoTokens.Lifetime.TotalSeconds,
        });
    }

    private static object UserJson(PilotPerson person) => new { id = person.UserId, name = person.Name, global_id = "10000000" + person.UserId.ToString(CultureInfo.InvariantCulture), effective_locale = "en" };

    private static IResult Authorize(HttpContext http, DemoLms lms)
    {
        var query = http.Request.Query;
        var redirect = query["redirect_uri"].ToString();
        if (query["client_id"] != lms.Options.ApiClientId || query["response_type"] != "code"
            || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri)
            || !string.Equals(redirectUri.GetLeftPart(UriPartial.Authority), lms.Options.ToolOrigin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return DemoPages.ErrorPage(400, "invalid_client", "The developer key is unknown or the redirect URI does not belong to the tool.");
        }

        // The demo's instructor is always signed in and always approves.
        var code = lms.Tokens.IssueCode(lms.Course.Instructor.UserId, redirect);
        var separator = redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{redirect}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private static bool IsCourse(string courseId) => courseId == PilotCourse.CourseId.ToString(CultureInfo.InvariantCulture);

    private static IResult Ok(object body) => Results.Json(body, Json);

    private static IResult NotFound() => Results.Json(new { errors = new[] { new { message = "The specified resource does not exist." } } }, statusCode: 404);

    private static IResult Paged<T>(HttpContext http, DemoLms lms, IReadOnlyList<T> items)
    {
        var (page, perPage) = DemoPaging.Read(http);
        DemoPaging.AddLinkHeader(http, lms, page, perPage, items.Count);
        return Results.Json(items.Skip((page - 1) * perPage).Take(perPage).ToList(), Json);
    }

    private static HashSet<string> Includes(HttpContext http) => [.. http.Request.Query["include[]"].Select(v => v ?? "")];
}
