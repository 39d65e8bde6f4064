using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>
/// Canvas's platform side of LTI Dynamic Registration on the demo LMS: the OpenID configuration
/// (<c>/api/lti/security/openid-configuration</c>) and the registration endpoint (<c>/api/lti/registrations</c>),
/// both behind the one-time registration token that "+ LTI Registration" on the Developer Keys page
/// (<see cref="DemoRegistrationPages"/>) hands to the tool's registration URL. A registration creates the tool's LTI
/// developer key (OFF until an admin turns it ON) and installs it in the account: the response names that deployment.
/// </summary>
internal static class DemoRegistration
{
    public const string OpenIdConfigurationPath = "/api/lti/security/openid-configuration";
    public const string RegistrationsPath = "/api/lti/registrations";
    public const string RegistrationConfigUrlClaim = "https://canvas.instructure.com/lti/registration_config_url";

    public static void Map(WebApplication app, DemoLms lms)
    {
        app.MapGet(OpenIdConfigurationPath, (HttpContext http) => OpenIdConfiguration(http, lms));
        app.MapPost(RegistrationsPath, (Func<HttpContext, Task<IResult>>)(http => RegisterAsync(http, lms))).DisableAntiforgery();
        DemoRegistrationPages.Map(app, lms);
    }

    private static IResult OpenIdConfiguration(HttpContext http, DemoLms lms)
    {
        if (!lms.DeveloperKeys.IsLiveToken(http.Request.Headers.Authorization))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        var options = lms.Options;
        return Results.Json(new JsonObject
        {
            ["issuer"] = options.Issuer,
            ["authorization_endpoint"] = options.AuthorizationEndpoint.AbsoluteUri,
            ["registration_endpoint"] = options.At(RegistrationsPath).AbsoluteUri,
            ["jwks_uri"] = options.JwksUri.AbsoluteUri,
            ["token_endpoint"] = options.TokenEndpoint.AbsoluteUri,
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["scopes_supported"] = new JsonArray([.. DemoDeveloperKeys.SupportedScopes.Select(s => (JsonNode)s)]),
            ["response_types_supported"] = new JsonArray("id_token"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["claims_supported"] = new JsonArray("sub", "iss", "name", "given_name", "family_name", "email", "locale"),
            ["subject_types_supported"] = new JsonArray("public"),
            [LtiConstants.DynamicRegistration.PlatformConfiguration] = new JsonObject
            {
                ["product_family_code"] = "canvas",
                ["version"] = "vCloud",
                ["messages_supported"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = LtiConstants.MessageTypes.ResourceLinkRequest,
                        ["placements"] = new JsonArray(LtiConstants.Canvas.PlacementCourseNavigation, "module_menu"),
                    },
                    new JsonObject
                    {
                        ["type"] = LtiConstants.MessageTypes.DeepLinkingRequest,
                        ["placements"] = new JsonArray(LtiConstants.Canvas.PlacementLinkSelection, LtiConstants.Canvas.PlacementAssignmentSelection),
                    }),
                ["variables"] = new JsonArray("Canvas.course.id", "Canvas.user.id", "Canvas.api.domain"),
                ["https://canvas.instructure.com/lti/account_name"] = "Demo University",
                ["https://canvas.instructure.com/lti/account_lti_guid"] = "demo-lms:" + options.Issuer,
            },
        });
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, DemoLms lms)
    {
        var keys = lms.DeveloperKeys;
        if (!keys.IsLiveToken(http.Request.Headers.Authorization))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return DemoLtiEndpoints.OAuthError(400, "invalid_client_metadata", "The registration must be a JSON object.");
        }

        if (Problem(lms.Options, body) is { } problem)
        {
            return DemoLtiEndpoints.OAuthError(400, "invalid_client_metadata", problem);
        }

        if (!keys.TryConsumeToken(http.Request.Headers.Authorization))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        var requested = (Text(body, "scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = requested.Where(s => DemoDeveloperKeys.SupportedScopes.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var key = keys.Register(new DemoLtiKey
        {
            ClientId = lms.Options.ClientId,
            Name = Text(body, "client_name")!,
            DeploymentId = lms.Options.DeploymentId,
            Scopes = granted,
            CreatedAt = lms.TimeProvider.GetUtcNow(),
        });

        // Canvas answers with the registration as stored, plus the client id; the tool configuration names the deployment.
        var answer = (JsonObject)body.DeepClone();
        answer["client_id"] = key.ClientId;
        answer["scope"] = string.Join(' ', granted);
        var toolConfiguration = (JsonObject)answer[LtiConstants.DynamicRegistration.ToolConfiguration]!;
        toolConfiguration["deployment_id"] = key.DeploymentId;
        answer[RegistrationConfigUrlClaim] = lms.Options.At($"{RegistrationsPath}/{key.ClientId}/view").AbsoluteUri;
        return Results.Json(answer);
    }

    /// <summary>What is wrong with a registration request, or null. The demo LMS launches the tool at its configured
    /// URLs, so the registration must name exactly those.</summary>
    private static string? Problem(DemoLmsOptions options, JsonObject body)
    {
        var grants = Strings(body, "grant_types");
        return Text(body, "application_type") != "web" ? "application_type must be web."
            : !grants.Contains("implicit", StringComparer.Ordinal) || !grants.Contains("client_credentials", StringComparer.Ordinal) ? "grant_types must be implicit and client_credentials."
            : !Strings(body, "response_types").Contains("id_token", StringComparer.Ordinal) ? "response_types must include id_token."
            : Text(body, "token_endpoint_auth_method") != "private_key_jwt" ? "token_endpoint_auth_method must be private_key_jwt."
            : string.IsNullOrWhiteSpace(Text(body, "client_name")) ? "client_name is required."
            : Text(body, "initiate_login_uri") != options.ToolLoginUri.AbsoluteUri ? "initiate_login_uri is not the tool's login URL this LMS knows."
            : !Strings(body, "redirect_uris").Contains(options.ToolLaunchUri.AbsoluteUri, StringComparer.Ordinal) ? "redirect_uris must include the tool's launch URL."
            : Text(body, "jwks_uri") != options.ToolJwksUri.AbsoluteUri ? "jwks_uri is not the tool's key set URL this LMS knows."
            : body[LtiConstants.DynamicRegistration.ToolConfiguration] is not JsonObject configuration || Text(configuration, "domain") is null
                || configuration["messages"] is not JsonArray ? "The LTI tool configuration (domain, messages) is required."
            : null;
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static List<string> Strings(JsonObject body, string name) =>
        body[name] is JsonArray array ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()] : [];
}
