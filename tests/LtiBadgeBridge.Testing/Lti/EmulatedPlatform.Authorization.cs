using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;

namespace LtiBadgeBridge.Testing.Lti;

public sealed partial class EmulatedPlatform
{
    /// <summary>Redirect URIs registered for the tool; when non-empty the authorization endpoint matches
    /// <c>redirect_uri</c> against them exactly (trailing slash included), like Canvas.</summary>
    public IList<string> RegisteredRedirectUris { get; } = [];

    /// <summary>Builds the claims the authorization endpoint signs, from (nonce, redirect_uri). Default: a
    /// learner resource link launch whose target is the redirect URI.</summary>
    public Func<string, string, JsonObject>? LaunchClaimsFactory { get; set; }

    /// <summary>The query of the last authorization request, for assertions.</summary>
    public IReadOnlyDictionary<string, string>? LastAuthorizationRequest { get; private set; }

    /// <summary>Parameters of a third-party-initiated login this platform would send to the tool.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> LoginInitiationParameters(string targetLinkUri, string loginHint = "user-1") =>
    [
        new("iss", Issuer),
        new("login_hint", loginHint),
        new("target_link_uri", targetLinkUri),
        new("client_id", ClientId),
        new("lti_message_hint", "message-hint-" + loginHint),
        new(Flavour == PlatformFlavour.Canvas ? "lti_deployment_id" : "deployment_id", DeploymentId),
        new("lti_storage_target", "_parent"),
    ];

    /// <summary>Reads the action and fields of an auto-submitting HTML form (as returned by the
    /// authorization endpoint or a deep linking response page).</summary>
    public static (Uri Action, IReadOnlyDictionary<string, string> Fields) ParseAutoPostForm(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var action = Regex.Match(html, "<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)).Groups[1].Value;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Regex.Matches(html, "<input[^>]*name=\"([^\"]*)\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            fields[WebUtility.HtmlDecode(input.Groups[1].Value)] = WebUtility.HtmlDecode(input.Groups[2].Value);
        }

        return (new Uri(WebUtility.HtmlDecode(action)), fields);
    }

    private void MapAuthorization() =>
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(AuthorizationEndpoint.AbsolutePath).UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(Authorize));

    private ResponseMessage Authorize(IRequestMessage request)
    {
        var query = (request.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString() ?? "", StringComparer.Ordinal);
        LastAuthorizationRequest = query;
        string Get(string name) => query.GetValueOrDefault(name) ?? "";

        var problem =
            Get("response_type") != "id_token" ? "response_type must be id_token"
            : Get("response_mode") != "form_post" ? "response_mode must be form_post"
            : !Get("scope").Split(' ').Contains("openid") ? "scope must include openid"
            : Get("prompt") != "none" ? "prompt must be none"
            : Get("client_id") != ClientId ? "unknown client_id"
            : Get("login_hint").Length == 0 ? "login_hint missing"
            : Get("nonce").Length == 0 ? "nonce missing"
            : RegisteredRedirectUris.Count > 0 && !RegisteredRedirectUris.Contains(Get("redirect_uri")) ? "redirect_uri not registered"
            : null;
        if (problem is not null)
        {
            return Text(400, problem, "text/plain");
        }

        var redirectUri = Get("redirect_uri");
        var claims = LaunchClaimsFactory?.Invoke(Get("nonce"), redirectUri) ?? ResourceLinkClaims(Get("nonce"), redirectUri);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><body onload=\"document.forms[0].submit()\">")
            .Append("<form method=\"post\" action=\"").Append(WebUtility.HtmlEncode(redirectUri)).Append("\">")
            .Append("<input type=\"hidden\" name=\"id_token\" value=\"").Append(WebUtility.HtmlEncode(MintIdToken(claims))).Append("\"/>")
            .Append("<input type=\"hidden\" name=\"state\" value=\"").Append(WebUtility.HtmlEncode(Get("state"))).Append("\"/>")
            .Append("</form></body></html>")
            .ToString();
        return Text(200, html, "text/html; charset=utf-8");
    }
}
