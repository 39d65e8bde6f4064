using LtiBadgeBridge.Web.Lti;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>A page inside the platform's iframe: it requires a valid <see cref="Web.Lti.LtiSession"/> (else a 401
/// page), sends <c>frame-ancestors</c> for the session's platform, and carries the session token in its links.</summary>
public abstract class LtiPageModel : PageModel
{
    public LtiSession LtiSession { get; private set; } = null!;

    /// <summary>The session token to append to links and forms (<c>s</c>).</summary>
    public string SessionToken { get; private set; } = "";

    /// <summary>Whether the session may see this page (e.g. instructors only).</summary>
    protected virtual bool Allows(LtiSession session) => true;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var session = await HttpContext.GetLtiSessionAsync();
        if (session is null || !Allows(session))
        {
            var code = session is null ? LtiHtml.ErrorCodeSessionMissing : "lti.role_not_allowed";
            HttpContext.ApplyLtiSecurityHeaders(null);
            context.Result = new ContentResult
            {
                Content = LtiHtml.ErrorPage(code),
                ContentType = "text/html; charset=utf-8",
                StatusCode = session is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
            };
            return;
        }

        LtiSession = session;
        SessionToken = HttpContext.GetLtiSessionToken() ?? "";
        HttpContext.ApplyLtiSecurityHeaders(session);
        await next();
    }
}
