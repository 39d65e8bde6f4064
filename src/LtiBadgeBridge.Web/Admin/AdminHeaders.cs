using LtiBadgeBridge.Web.Lti;

namespace LtiBadgeBridge.Web.Admin;

/// <summary>The security headers of every admin page.</summary>
internal static class AdminHeaders
{
    /// <summary>Our scripts and styles only; framed by an LTI admin's platform, else by ourselves only; never cached
    /// (in the exact form antiforgery wants, so it has nothing to override).</summary>
    public static void Apply(HttpContext context, LtiSession? session)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ApplyLtiSecurityHeaders(session);
        if (session is null)
        {
            context.Response.Headers.ContentSecurityPolicy = LtiHtml.ContentSecurityPolicy([], scriptNonce: null);
        }

        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.Headers.Pragma = "no-cache";
    }
}
