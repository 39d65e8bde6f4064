using System.Text;
using System.Text.Encodings.Web;
using LtiBadgeBridge.Lti;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>The small HTML pages of the LTI protocol steps (errors, platform storage hand-offs). Every value
/// is HTML-encoded; scripts come from <c>/js/</c>, never inline.</summary>
internal static class LtiHtml
{
    public const string ErrorCodeSessionMissing = "lti.session_missing";
    public const string ErrorCodeRequestInvalid = "lti.request_invalid";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The page policy: our own scripts and styles only, framed by <paramref name="frameAncestors"/>
    /// (any framer when null: error and hand-off pages carry nothing worth clickjacking).</summary>
    public static string ContentSecurityPolicy(IReadOnlyList<string>? frameAncestors, string? scriptNonce)
    {
        var policy = new StringBuilder("default-src 'none'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; script-src 'self'");
        if (scriptNonce is not null)
        {
            policy.Append(" 'nonce-").Append(scriptNonce).Append('\'');
        }

        if (frameAncestors is not null)
        {
            policy.Append("; frame-ancestors 'self'");
            foreach (var origin in frameAncestors)
            {
                policy.Append(' ').Append(origin);
            }
        }

        return policy.ToString();
    }

    /// <summary>What a person can do about a refusal with <paramref name="code"/>.</summary>
    public static (string Title, string Advice) Explain(string code) => code switch
    {
        LtiErrorCodes.StateMissing or LtiErrorCodes.StateMismatch => (
            "This browser could not confirm the launch",
            "Your browser may block cookies inside the course page. Open the tool in a new window (or allow cookies for this site), then launch it again from your course."),
        LtiErrorCodes.RegistrationUnknown => (
            "This learning platform is not registered",
            "Ask your administrator to register LtiBadgeBridge for your learning platform, or to activate the tool."),
        LtiErrorCodes.DeploymentPending => (
            "This installation of the tool awaits approval",
            "An administrator must approve this deployment of LtiBadgeBridge before it can be used. Ask your administrator to activate the tool."),
        LtiErrorCodes.DeploymentUnknown => (
            "This installation of the tool is not enabled",
            "Ask your administrator to activate the tool for your course."),
        LtiErrorCodes.TokenExpired or LtiErrorCodes.NonceReplayed or LtiErrorCodes.NonceUnknown or LtiErrorCodes.IatInFuture => (
            "The launch has expired or was already used",
            "Go back to your course and open the tool again. If your computer's clock is wrong, correct it first."),
        ErrorCodeSessionMissing => (
            "Your session has ended",
            "Go back to your course and open the tool again."),
        LtiErrorCodes.RegistrationConfigurationInvalid or LtiErrorCodes.RegistrationFailed => (
            "The tool could not be registered",
            "Start the registration again from your learning platform's administration. If it fails again, register the tool manually with the values on this service's home page."),
        _ => (
            "The launch could not be accepted",
            "Go back to your course and launch the tool again. If it keeps failing, give your administrator the code shown here."),
    };

    public static string ErrorPage(string code)
    {
        var (title, advice) = Explain(code);
        return Page(title, new StringBuilder()
            .Append("<h1>").Append(Html.Encode(title)).Append("</h1>")
            .Append("<p>").Append(Html.Encode(advice)).Append("</p>")
            .Append("<p class=\"muted\">Error code: <code>").Append(Html.Encode(code)).Append("</code></p>")
            .ToString(), script: null);
    }

    /// <summary>Login hand-off: stores the state in the platform (<c>lti.put_data</c>), then goes to the platform.</summary>
    public static string PutStatePage(string target, string platformOrigin, string state, Uri authorizationRedirect) =>
        Page("Opening LtiBadgeBridge", new StringBuilder()
            .Append("<p id=\"lti-storage-status\">Opening the tool…</p>")
            .Append("<div id=\"lti-storage\" hidden data-mode=\"put\"")
            .Append(" data-target=\"").Append(Html.Encode(target)).Append('"')
            .Append(" data-origin=\"").Append(Html.Encode(platformOrigin)).Append('"')
            .Append(" data-key=\"").Append(Html.Encode(StorageKey(state))).Append('"')
            .Append(" data-value=\"").Append(Html.Encode(state)).Append('"')
            .Append(" data-redirect=\"").Append(Html.Encode(authorizationRedirect.AbsoluteUri)).Append("\"></div>")
            .Append("<noscript><p><a href=\"").Append(Html.Encode(authorizationRedirect.AbsoluteUri)).Append("\">Continue</a></p></noscript>")
            .ToString(), script: "/js/lti-storage.js");

    /// <summary>Launch hand-off when no state cookie came back: reads the state from the platform
    /// (<c>lti.get_data</c>) and posts the launch again with it.</summary>
    public static string GetStatePage(string platformOrigin, string idToken, string state) =>
        Page("Opening LtiBadgeBridge", new StringBuilder()
            .Append("<p id=\"lti-storage-status\">Opening the tool…</p>")
            .Append("<form id=\"lti-storage-form\" method=\"post\" action=\"").Append(LtiUrls.LaunchPath).Append("\">")
            .Append("<input type=\"hidden\" name=\"id_token\" value=\"").Append(Html.Encode(idToken)).Append("\"/>")
            .Append("<input type=\"hidden\" name=\"state\" value=\"").Append(Html.Encode(state)).Append("\"/>")
            .Append("<input type=\"hidden\" name=\"").Append(StorageStateField).Append("\" value=\"\"/></form>")
            .Append("<div id=\"lti-storage\" hidden data-mode=\"get\" data-target=\"\"")
            .Append(" data-origin=\"").Append(Html.Encode(platformOrigin)).Append('"')
            .Append(" data-key=\"").Append(Html.Encode(StorageKey(state))).Append("\"></div>")
            .Append("<p id=\"lti-storage-failed\" hidden>This browser blocks what the launch needs inside the course page. Open the tool in a new window, or allow cookies for this site, then launch it again.</p>")
            .ToString(), script: "/js/lti-storage.js");

    /// <summary>The launch form field carrying the state read back from platform storage.</summary>
    public const string StorageStateField = "lti_storage_state";

    public static string StorageKey(string state) => "ltibb-state-" + state;

    private static string Page(string title, string body, string? script)
    {
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
            .Append("<title>").Append(Html.Encode(title)).Append(" · LtiBadgeBridge</title><link rel=\"stylesheet\" href=\"/css/site.css\"/></head>")
            .Append("<body><main id=\"main\" class=\"page\">").Append(body).Append("</main>");
        if (script is not null)
        {
            page.Append("<script src=\"").Append(script).Append("\"></script>");
        }

        return page.Append("</body></html>").ToString();
    }
}
