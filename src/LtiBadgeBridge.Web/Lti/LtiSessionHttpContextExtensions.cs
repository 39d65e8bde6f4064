namespace LtiBadgeBridge.Web.Lti;

/// <summary>Reads the iframe session of a request: the <c>s</c> token in the query or form first (it works
/// when third-party cookies are blocked), then the session cookie.</summary>
public static class LtiSessionHttpContextExtensions
{
    public const string TokenParameter = "s";
    private const string ItemKey = "LtiBadgeBridge.Lti.Session";

    /// <summary>The session, or null when the request carries none that is valid.</summary>
    public static async Task<LtiSession?> GetLtiSessionAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return (cached as SessionEntry)?.Session;
        }

        var protector = context.RequestServices.GetRequiredService<LtiSessionProtector>();
        var https = context.RequestServices.GetRequiredService<LtiUrls>().IsHttps;
        var candidates = new List<string?> { context.Request.Query[TokenParameter].FirstOrDefault() };
        if (context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                candidates.Add(form[TokenParameter].FirstOrDefault());
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                // A malformed body is simply no session.
            }
        }

        candidates.Add(context.Request.Cookies[LtiCookies.SessionName(https)]);
        foreach (var token in candidates)
        {
            if (protector.Unprotect(token) is { } session)
            {
                context.Items[ItemKey] = new SessionEntry(session, token!);
                return session;
            }
        }

        context.Items[ItemKey] = new SessionEntry(null, null);
        return null;
    }

    /// <summary>The token of the current session, to carry in links and forms (<c>?s=...</c>).</summary>
    public static string? GetLtiSessionToken(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var cached) ? (cached as SessionEntry)?.Token : null;
    }

    /// <summary>Starts a session: returns its token and sets the session cookie.</summary>
    internal static string StartLtiSession(this HttpContext context, LtiSession session)
    {
        var protector = context.RequestServices.GetRequiredService<LtiSessionProtector>();
        var https = context.RequestServices.GetRequiredService<LtiUrls>().IsHttps;
        var token = protector.Protect(session);
        context.Response.Cookies.Append(LtiCookies.SessionName(https), token, LtiCookies.Options(https, session.ExpiresAt));
        context.Items[ItemKey] = new SessionEntry(session, token);
        return token;
    }

    /// <summary>Sends the page's security headers: framing only by the session's platform origins.</summary>
    public static void ApplyLtiSecurityHeaders(this HttpContext context, LtiSession? session)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ContentSecurityPolicy = LtiHtml.ContentSecurityPolicy(session?.FrameAncestors, scriptNonce: null);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers.XContentTypeOptions = "nosniff";
    }

    private sealed record SessionEntry(LtiSession? Session, string? Token);
}
