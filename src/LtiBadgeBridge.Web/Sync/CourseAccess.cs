using LtiBadgeBridge.Web.Lti;

namespace LtiBadgeBridge.Web.Sync;

/// <summary>
/// Who may use a course's sync endpoints: an instructor's iframe session of that very course. Requests that change
/// something must carry the session token themselves (<c>s</c> in the query or form): the session cookie is
/// <c>SameSite=None</c>, so a cookie alone would let another site post in the instructor's name.
/// </summary>
internal static class CourseAccess
{
    public const string SessionMissing = "sync.session_missing";
    public const string AccessDenied = "sync.access_denied";

    /// <summary>The session when it is an instructor of <paramref name="courseId"/> (or of its own course when null);
    /// otherwise a ProblemDetails result to return.</summary>
    public static async Task<(LtiSession? Session, IResult? Denied)> AuthorizeAsync(HttpContext http, long? courseId, bool requireExplicitToken)
    {
        var session = await http.GetLtiSessionAsync();
        if (session is null || (requireExplicitToken && !CarriesToken(http)))
        {
            return (null, Problem(401, SessionMissing, "Your session has ended; open the tool again from your course."));
        }

        if (!session.IsInstructor || session.CourseId is null || (courseId is not null && session.CourseId != courseId))
        {
            return (null, Problem(403, AccessDenied, "Only an instructor of this course can do this."));
        }

        return (session, null);
    }

    /// <summary>The course home of the session, to return to after a form post (with a notice code).</summary>
    public static string CourseHome(HttpContext http, string notice) =>
        $"{LtiSessionFactory.InstructorPath}?{LtiSessionHttpContextExtensions.TokenParameter}={Uri.EscapeDataString(http.GetLtiSessionToken() ?? "")}&notice={Uri.EscapeDataString(notice)}";

    /// <summary>True when the request was a plain HTML form post (not a script asking for JSON).</summary>
    public static bool IsFormPost(HttpContext http) =>
        http.Request.HasFormContentType && !http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    public static IResult Problem(int status, string code, string detail) =>
        Results.Problem(statusCode: status, title: code, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static bool CarriesToken(HttpContext http)
    {
        var token = http.GetLtiSessionToken();
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        if (string.Equals(http.Request.Query[LtiSessionHttpContextExtensions.TokenParameter].FirstOrDefault(), token, StringComparison.Ordinal))
        {
            return true;
        }

        if (!http.Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            // GetLtiSessionAsync has already read (and buffered) the form.
            return string.Equals(http.Request.Form[LtiSessionHttpContextExtensions.TokenParameter].FirstOrDefault(), token, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return false;
        }
    }
}
