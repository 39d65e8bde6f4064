using System.Text.Encodings.Web;
using LtiBadgeBridge.Web.Admin;
using LtiBadgeBridge.Web.Lti;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>
/// A page of the admin console. Without admin access: GET redirects to <c>/admin/login</c>, anything else is a
/// 401; an LTI session without an admin role is a 403. A POST must prove it comes from our own page: the LTI
/// session token in the form (an LTI admin inside the iframe, where cookies may be blocked) or the antiforgery
/// token (the operator, or an LTI admin on a session cookie).
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
public abstract class AdminPageModel : PageModel
{
    public AdminPrincipal Admin { get; private set; } = null!;

    /// <summary>A link within the console that keeps an LTI admin's session (<c>s</c>).</summary>
    public string Href(string path) =>
        Admin.SessionToken is { } token ? QueryHelpers.AddQueryString(path, LtiSessionHttpContextExtensions.TokenParameter, token) : path;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await HttpContext.RequestServices.GetRequiredService<AdminAccess>().CheckAsync(HttpContext);
        if (result.Principal is not { } admin)
        {
            SendHeaders(null);
            context.Result = result.Status == AdminAccessStatus.Forbidden
                ? Message(StatusCodes.Status403Forbidden, "Administrators only", "The admin console is for your institution's administrators. Go back to your course to use the tool.", "admin.role_not_allowed")
                : HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
                    ? Redirect("/admin/login?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString))
                    : Message(StatusCodes.Status401Unauthorized, "Sign in first", "Sign in to the admin console, then try again.", "admin.signin_required");
            return;
        }

        Admin = admin;
        SendHeaders(admin.LtiSession);
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method) && !await ProvesOriginAsync(admin))
        {
            context.Result = Message(StatusCodes.Status400BadRequest, "The form has expired", "Reload the page and submit the form again.", "admin.form_expired");
            return;
        }

        await next();
    }

    /// <summary>A short page for refusals and missing things: a title, advice and a stable code.</summary>
    protected static ContentResult Message(int statusCode, string title, string advice, string code)
    {
        var html = HtmlEncoder.Default;
        return new ContentResult
        {
            StatusCode = statusCode,
            ContentType = "text/html; charset=utf-8",
            Content = $"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{html.Encode(title)} · LtiBadgeBridge</title><link rel="stylesheet" href="/css/site.css"></head>
                <body><main id="main" class="page"><h1>{html.Encode(title)}</h1><p>{html.Encode(advice)}</p>
                <p class="muted">Error code: <code>{html.Encode(code)}</code></p></main></body></html>
                """,
        };
    }

    private async Task<bool> ProvesOriginAsync(AdminPrincipal admin)
    {
        if (admin.SessionToken is { } token && Request.HasFormContentType)
        {
            var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
            if (string.Equals(form[LtiSessionHttpContextExtensions.TokenParameter].FirstOrDefault(), token, StringComparison.Ordinal))
            {
                return true;
            }
        }

        try
        {
            await HttpContext.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(HttpContext);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private void SendHeaders(LtiSession? session) => AdminHeaders.Apply(HttpContext, session);
}
