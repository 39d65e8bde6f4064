using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>
/// LTI Dynamic Registration, Moodle's platform side: <c>startltiadvregistration.php</c> sends the admin's browser
/// to the tool with the configuration URL and a one-time registration token (a JWT signed by the site, scope
/// <c>reg</c>, whose <c>sub</c> becomes the client id); <c>openid-configuration.php</c> describes the site
/// (<c>product_family_code: moodle</c>); <c>openid-registration.php</c> checks the Bearer registration token,
/// stores the tool as pending and answers with the client id and the deployment id (the tool type id).
/// </summary>
internal static class DemoMoodleRegistration
{
    private const string ClientIdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>The service scopes the site can grant (Moodle's AGS and NRPS services).</summary>
    internal static readonly string[] ServiceScopes =
    [
        LtiConstants.Scopes.LineItem,
        LtiConstants.Scopes.LineItemReadOnly,
        LtiConstants.Scopes.ResultReadOnly,
        LtiConstants.Scopes.Score,
        LtiConstants.Scopes.ContextMembershipReadOnly,
    ];

    public static void Map(WebApplication app, DemoMoodle moodle)
    {
        app.MapGet(DemoMoodle.PathPrefix + "/mod/lti/startltiadvregistration.php", (HttpContext http) => Start(moodle, http.Request.Query["url"].ToString()));
        app.MapGet(DemoMoodle.PathPrefix + "/mod/lti/openid-configuration.php", () => Results.Text(Configuration(moodle).ToJsonString(), "application/json; charset=utf-8"));
        app.MapPost(DemoMoodle.PathPrefix + "/mod/lti/openid-registration.php", (Func<HttpContext, Task<IResult>>)(http => RegisterAsync(http, moodle)));
    }

    /// <summary>A fresh one-time registration token (valid one hour).</summary>
    public static string NewRegistrationToken(DemoMoodle moodle)
    {
        var now = moodle.Lms.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var sub = new string([.. RandomNumberGenerator.GetItems<char>(ClientIdAlphabet, 15)]);
        return moodle.Sign(new JsonObject { ["sub"] = sub, ["scope"] = "reg", ["iat"] = now, ["exp"] = now + 3600 }.ToJsonString());
    }

    /// <summary>The tool's registration URL with <c>openid_configuration</c> and a new <c>registration_token</c>.</summary>
    public static Uri StartUrl(DemoMoodle moodle, Uri toolRegistrationUrl)
    {
        ArgumentNullException.ThrowIfNull(toolRegistrationUrl);
        var separator = string.IsNullOrEmpty(toolRegistrationUrl.Query) ? "?" : "&";
        return new Uri(toolRegistrationUrl.AbsoluteUri + separator
            + "openid_configuration=" + Uri.EscapeDataString(moodle.OpenIdConfigurationUrl.AbsoluteUri)
            + "&registration_token=" + Uri.EscapeDataString(NewRegistrationToken(moodle)));
    }

    private static IResult Start(DemoMoodle moodle, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var target) && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
            ? Results.Redirect(StartUrl(moodle, target).AbsoluteUri)
            : DemoMoodlePages.Notice(400, "Invalid tool URL", "The tool URL must be an absolute http(s) URL.");

    private static JsonObject Configuration(DemoMoodle moodle) => new()
    {
        ["issuer"] = moodle.WwwRoot,
        ["token_endpoint"] = moodle.TokenEndpoint.AbsoluteUri,
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["jwks_uri"] = moodle.JwksUri.AbsoluteUri,
        ["authorization_endpoint"] = moodle.AuthorizationEndpoint.AbsoluteUri,
        ["registration_endpoint"] = moodle.RegistrationEndpoint.AbsoluteUri,
        ["scopes_supported"] = new JsonArray([.. ServiceScopes.Append("openid").Select(s => (JsonNode)s)]),
        ["response_types_supported"] = new JsonArray("id_token"),
        ["subject_types_supported"] = new JsonArray("public", "pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["claims_supported"] = new JsonArray("sub", "iss", "name", "given_name", "family_name", "email"),
        [LtiConstants.DynamicRegistration.PlatformConfiguration] = new JsonObject
        {
            ["product_family_code"] = LtiConstants.DynamicRegistration.ProductFamilyMoodle,
            ["version"] = DemoMoodle.Release,
            // Moodle lists message types as plain strings here.
            ["messages_supported"] = new JsonArray(LtiConstants.MessageTypes.ResourceLinkRequest, LtiConstants.MessageTypes.DeepLinkingRequest),
            ["placements"] = new JsonArray("AddContentMenu"),
            ["variables"] = new JsonArray("User.id", "Person.name.full", "Person.email.primary", "Context.id", "ResourceLink.id"),
        },
    };

    private static async Task<IResult> RegisterAsync(HttpContext http, DemoMoodle moodle)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Results.Text("missing_registration_token", "text/plain", statusCode: 401);
        }

        var clientId = await ValidateTokenAsync(moodle, authorization[7..].Trim());
        if (clientId is null)
        {
            return Results.Text("invalid_registration_token", "text/plain", statusCode: 401);
        }

        JsonObject? payload;
        try
        {
            payload = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }

        var toolConfiguration = payload?[LtiConstants.DynamicRegistration.ToolConfiguration] as JsonObject;
        string? Text(JsonObject? o, string name) => o?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        var redirectUris = (payload?["redirect_uris"] as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>().ToList() ?? [];
        var problem =
            payload is null ? "invalid_registration_payload"
            : Text(payload, "application_type") != "web" ? "invalid_application_type"
            : (payload["response_types"] as JsonArray)?.Any(n => n?.ToString() == "id_token") != true ? "invalid_response_types"
            : Text(payload, "initiate_login_uri") is null ? "missing_initiate_login_uri"
            : redirectUris.Count == 0 ? "missing_redirect_uris"
            : Text(payload, "jwks_uri") is null ? "missing_jwks_uri"
            : Text(payload, "token_endpoint_auth_method") != "private_key_jwt" ? "invalid_token_endpoint_auth_method"
            : toolConfiguration is null || Text(toolConfiguration, "target_link_uri") is null ? "missing_lti_tool_configuration"
            : null;
        if (problem is not null)
        {
            return Results.Text(problem, "text/plain", statusCode: 400);
        }

        var requested = (Text(payload, "scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = requested.Where(s => ServiceScopes.Contains(s, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var tool = moodle.AddTool(new DemoMoodleTool
        {
            ClientId = clientId,
            Name = Text(payload, "client_name") ?? "External tool",
            InitiateLoginUri = Text(payload, "initiate_login_uri")!,
            RedirectUris = redirectUris,
            JwksUri = Text(payload, "jwks_uri")!,
            TargetLinkUri = Text(toolConfiguration, "target_link_uri")!,
            Description = Text(toolConfiguration, "description"),
            Scopes = granted,
        });
        var response = new JsonObject
        {
            ["client_id"] = tool.ClientId,
            ["response_types"] = new JsonArray("id_token"),
            ["jwks_uri"] = tool.JwksUri,
            ["initiate_login_uri"] = tool.InitiateLoginUri,
            ["grant_types"] = new JsonArray("client_credentials", "implicit"),
            ["redirect_uris"] = new JsonArray([.. tool.RedirectUris.Select(u => (JsonNode)u)]),
            ["application_type"] = "web",
            ["token_endpoint_auth_method"] = "private_key_jwt",
            ["client_name"] = tool.Name,
            ["logo_uri"] = "",
            ["scope"] = string.Join(' ', ServiceScopes.Where(granted.Contains)),
            [LtiConstants.DynamicRegistration.ToolConfiguration] = new JsonObject
            {
                ["version"] = "1.3.0",
                ["deployment_id"] = tool.DeploymentId,
                ["target_link_uri"] = tool.TargetLinkUri,
                ["domain"] = new Uri(tool.TargetLinkUri).Authority,
                ["description"] = tool.Description ?? "",
                ["claims"] = new JsonArray("sub", "iss", "name", "family_name", "given_name", "email"),
                ["messages"] = new JsonArray(new JsonObject { ["type"] = LtiConstants.MessageTypes.DeepLinkingRequest, ["target_link_uri"] = tool.TargetLinkUri }),
            },
        };
        return Results.Text(response.ToJsonString(), "application/json; charset=utf-8");
    }

    /// <summary>The client id a registration token grants, or null when it is not signed by the site, expired,
    /// not for registration, or already used (its client id exists).</summary>
    private static async Task<string?> ValidateTokenAsync(DemoMoodle moodle, string token)
    {
        var now = moodle.Lms.TimeProvider.GetUtcNow().UtcDateTime;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKey = moodle.SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > now,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>("scope", out var scope) || scope != "reg" || string.IsNullOrEmpty(jwt.Subject))
        {
            return null;
        }

        return moodle.TryUseRegistrationToken(jwt.Subject) ? jwt.Subject : null;
    }
}
