using System.Globalization;
using LtiBadgeBridge.Web.Lti;
using LtiBadgeBridge.Web.Pages.Lti;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LtiBadgeBridge.Web.Instructor;

/// <summary>
/// An instructor page of the course the session was launched from. Posts are protected against
/// cross-site requests without cookies (which the LMS iframe may not get): a POST must carry the session
/// token in its body (<c>s</c>), which another site cannot know; a session read from the cookie alone is
/// refused. ASP.NET's cookie-based antiforgery is switched off for these pages for the same reason.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
public abstract class InstructorPageModel : LtiPageModel
{
    public const string FormSessionMissing = "lti.form_session_missing";

    /// <summary>The course (courses.id) of the session; 0 before the handler runs.</summary>
    public long CourseId => LtiSession.CourseId ?? 0;

    /// <summary>A problem to show instead of the page (not found, no course), with a stable code.</summary>
    public (string Code, string Message)? Problem { get; protected set; }

    protected override bool Allows(LtiSession session) => session.IsInstructor;

    /// <summary>A link to one of our pages with the session token.</summary>
    public string Link(string path) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "s=" + Uri.EscapeDataString(SessionToken);

    public static string AchievementUrl(long id, string? tail = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/lti/instructor/achievements/{id}{tail}");

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !await FormCarriesSessionAsync(context.HttpContext))
        {
            context.HttpContext.ApplyLtiSecurityHeaders(null);
            context.Result = new ContentResult
            {
                Content = LtiHtml.ErrorPage(FormSessionMissing),
                ContentType = "text/html; charset=utf-8",
                StatusCode = StatusCodes.Status403Forbidden,
            };
            return;
        }

        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>The problem page when the session has no course (a launch outside a course), else null.</summary>
    protected IActionResult? RequireCourse() => LtiSession.CourseId is null
        ? ProblemPage(StatusCodes.Status400BadRequest, "lti.course_missing", "Open this tool from a course: these pages belong to the course it was launched from.")
        : null;

    /// <summary>Shows the problem page with a status code (e.g. 404 for another course's achievement).</summary>
    protected IActionResult ProblemPage(int status, string code, string message)
    {
        Problem = (code, message);
        Response.StatusCode = status;
        return Page();
    }

    private static async Task<bool> FormCarriesSessionAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var token = form[LtiSessionHttpContextExtensions.TokenParameter].FirstOrDefault();
            return http.RequestServices.GetRequiredService<LtiSessionProtector>().Unprotect(token) is not null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return false;
        }
    }
}
