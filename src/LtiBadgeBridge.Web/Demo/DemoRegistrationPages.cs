using System.Globalization;
using System.Text;
using System.Text.Json;
using LtiBadgeBridge.Lti;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>
/// "Admin &gt; Developer Keys" of the demo LMS: "+ LTI Registration" opens the tool's registration URL in an iframe with
/// <c>openid_configuration</c> and a fresh <c>registration_token</c>; when the tool posts <c>org.imsglobal.lti.close</c>
/// the page shows the new LTI key, which the admin turns ON. The REST API developer key the tool's course sync uses
/// (client id and secret, to enter in the tool's admin console) is listed too.
/// </summary>
internal static class DemoRegistrationPages
{
    public const string DeveloperKeysPath = "/accounts/1/developer_keys";

    public static void Map(WebApplication app, DemoLms lms)
    {
        app.MapGet(DeveloperKeysPath, (HttpContext http) => DeveloperKeys(lms, http.Request.Query["registered"].ToString() == "1"));
        app.MapGet(DeveloperKeysPath + "/lti_registration", (HttpContext http) => RegistrationFrame(lms, http.Request.Query["registration_url"].ToString()));
        app.MapPost(DeveloperKeysPath + "/lti_key/state", (Func<HttpContext, Task<IResult>>)(async http =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            return lms.DeveloperKeys.SetState(form?["state"].ToString() == "on")
                ? Results.Redirect(DeveloperKeysPath)
                : DemoPages.ErrorPage(404, "developer_key_missing", "There is no LTI developer key to turn on or off yet.");
        })).DisableAntiforgery();
    }

    /// <summary>A link to the Developer Keys page on the LMS's home page.</summary>
    public static string HomeCard(DemoLms lms) => lms.DeveloperKeys.LaunchesAllowed
        ? ""
        : $"<div class=\"card\"><h2>Register the badge tool first</h2><p>The tool is not registered in this LMS yet. An admin opens <a class=\"button\" href=\"{DeveloperKeysPath}\">Admin &gt; Developer Keys</a>, adds it with \"+ LTI Registration\" and turns its key ON.</p></div>";

    private static IResult DeveloperKeys(DemoLms lms, bool registered)
    {
        var options = lms.Options;
        var keys = lms.DeveloperKeys;
        var html = new StringBuilder("<main><h1>Developer Keys</h1><p class=\"muted\">Admin · Demo University</p>");
        if (registered)
        {
            html.Append("<p class=\"card\" role=\"status\" id=\"registration-notice\">")
                .Append(keys.LtiKey is null ? "The registration was closed before the tool registered." : "The tool registered. Turn its key ON so that courses can launch it.").Append("</p>");
        }

        html.Append("<section class=\"card\" aria-labelledby=\"lti-keys\"><h2 id=\"lti-keys\">LTI keys</h2>");
        if (keys.LtiKey is not { } key)
        {
            html.Append("<p class=\"muted\">No LTI key yet.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Client ID</th><th scope=\"col\">Deployment ID</th><th scope=\"col\">Scopes</th><th scope=\"col\">State</th></tr></thead><tbody>")
                .Append("<tr id=\"lti-key\"><td>").Append(DemoPages.Encode(key.Name)).Append("</td><td><code>").Append(DemoPages.Encode(key.ClientId)).Append("</code></td><td><code>")
                .Append(DemoPages.Encode(key.DeploymentId)).Append("</code></td><td>").Append(key.Scopes.Count.ToString(CultureInfo.InvariantCulture)).Append(" granted</td><td>")
                .Append("<form method=\"post\" action=\"").Append(DeveloperKeysPath).Append("/lti_key/state\"><strong id=\"lti-key-state\">").Append(key.On ? "ON" : "OFF").Append("</strong> ")
                .Append("<input type=\"hidden\" name=\"state\" value=\"").Append(key.On ? "off" : "on").Append("\"><button type=\"submit\">").Append(key.On ? "Turn OFF" : "Turn ON").Append("</button></form></td></tr></tbody></table>");
        }

        html.Append("<form method=\"get\" action=\"").Append(DeveloperKeysPath).Append("/lti_registration\"><h3>+ LTI Registration</h3>")
            .Append("<p><label for=\"registration_url\">Tool's registration URL</label><input id=\"registration_url\" name=\"registration_url\" type=\"url\" size=\"50\" required value=\"")
            .Append(DemoPages.Encode(new Uri(options.ToolOrigin, "/lti/register").AbsoluteUri)).Append("\"></p><button type=\"submit\">Register</button></form></section>")
            .Append("<section class=\"card\" aria-labelledby=\"api-keys\"><h2 id=\"api-keys\">API keys</h2>")
            .Append("<p class=\"muted\">The badge tool's course sync reads the gradebook through the Canvas REST API with this key (OAuth2, per course). Enter it in the tool's admin console for this platform.</p>")
            .Append("<dl><dt>Canvas URL</dt><dd><code id=\"api-canvas-url\">").Append(DemoPages.Encode(options.Origin.AbsoluteUri)).Append("</code></dd>")
            .Append("<dt>Client ID</dt><dd><code id=\"api-client-id\">").Append(DemoPages.Encode(options.ApiClientId)).Append("</code></dd>")
            .Append("<dt>Client secret</dt><dd><code id=\"api-client-secret\">").Append(DemoPages.Encode(options.ApiClientSecret)).Append("</code></dd></dl></section>")
            .Append("<p><a href=\"/\">Back to the course</a></p></main>");
        return DemoPages.Page("Developer Keys · Demo LMS", html.ToString());
    }

    private static IResult RegistrationFrame(DemoLms lms, string registrationUrl)
    {
        if (!Uri.TryCreate(registrationUrl, UriKind.Absolute, out var tool) || (tool.Scheme != Uri.UriSchemeHttps && tool.Scheme != Uri.UriSchemeHttp))
        {
            return DemoPages.ErrorPage(400, "registration_url_invalid", "The tool's registration URL must be an http(s) URL.");
        }

        var token = lms.DeveloperKeys.IssueRegistrationToken();
        var separator = string.IsNullOrEmpty(tool.Query) ? "?" : "&";
        var src = tool.AbsoluteUri + separator + "openid_configuration=" + Uri.EscapeDataString(lms.Options.At(DemoRegistration.OpenIdConfigurationPath).AbsoluteUri)
            + "&registration_token=" + Uri.EscapeDataString(token);
        var script = "<script>(function(){var frame=document.querySelector('iframe[name=lti_registration]');var origin=" + JsonSerializer.Serialize(tool.GetLeftPart(UriPartial.Authority))
            + ";window.addEventListener('message',function(e){if(e.source!==frame.contentWindow||e.origin!==origin)return;var m=e.data;if(m&&m.subject==='"
            + LtiConstants.DynamicRegistration.CloseMessageSubject + "'){window.location.href='" + DeveloperKeysPath + "?registered=1';}});})();</script>";
        var body = new StringBuilder("<main><h1>LTI Registration</h1><p class=\"muted\">The tool registers itself with this LMS; it closes this dialog when it is done. ")
            .Append("<a href=\"").Append(DeveloperKeysPath).Append("?registered=1\">Close</a></p>")
            .Append("<iframe title=\"Tool registration\" name=\"lti_registration\" src=\"").Append(DemoPages.Encode(src)).Append("\" style=\"width:100%;min-height:24rem;border:1px solid #d9e2ec\"></iframe></main>")
            .Append(script);
        return DemoPages.Page("LTI Registration · Demo LMS", body.ToString());
    }
}
