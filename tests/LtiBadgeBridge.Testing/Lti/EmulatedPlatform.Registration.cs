using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using WireMock;

namespace LtiBadgeBridge.Testing.Lti;

public sealed partial class EmulatedPlatform
{
    /// <summary>The bearer token the platform hands the tool for dynamic registration.</summary>
    public string RegistrationToken { get; } = "reg-token-" + Guid.NewGuid().ToString("N");

    /// <summary>When set, the registration response grants only these scopes (an admin cut the request).</summary>
    public IReadOnlyList<string>? ScopesToGrant { get; set; }

    /// <summary>The body of the last registration POST, for assertions.</summary>
    public JsonObject? LastRegistrationRequest { get; private set; }

    /// <summary>Overrides the issuer the configuration document states (to test issuer validation).</summary>
    public string? ConfigurationIssuerOverride { get; set; }

    public Uri OpenIdConfigurationUrl => new(BaseUrl + (Flavour == PlatformFlavour.Canvas
        ? "/api/lti/security/openid-configuration"
        : "/mod/lti/openid-configuration.php"));

    public Uri RegistrationEndpoint => new(BaseUrl + (Flavour == PlatformFlavour.Canvas ? "/api/lti/registrations" : "/mod/lti/openid-registration.php"));

    /// <summary>The client id the registration endpoint assigns.</summary>
    public string RegisteredClientId => ClientId;

    private void MapDynamicRegistration()
    {
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(OpenIdConfigurationUrl.AbsolutePath).UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(Configuration));
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(RegistrationEndpoint.AbsolutePath).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(Register));
    }

    private bool HasRegistrationToken(IRequestMessage request) =>
        request.Headers is not null && request.Headers.TryGetValue("Authorization", out var values)
        && values.ToString() == "Bearer " + RegistrationToken;

    private ResponseMessage Configuration(IRequestMessage request)
    {
        if (!HasRegistrationToken(request))
        {
            return Json(401, """{"error":"registration token required"}""");
        }

        var family = Flavour == PlatformFlavour.Canvas ? "canvas" : "moodle";
        var configuration = new JsonObject
        {
            ["issuer"] = ConfigurationIssuerOverride ?? Issuer,
            ["authorization_endpoint"] = AuthorizationEndpoint.AbsoluteUri,
            ["token_endpoint"] = TokenEndpoint.AbsoluteUri,
            ["jwks_uri"] = JwksUri.AbsoluteUri,
            ["registration_endpoint"] = RegistrationEndpoint.AbsoluteUri,
            ["scopes_supported"] = new JsonArray(
                "openid", LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly,
                LtiConstants.Scopes.Score, LtiConstants.Scopes.ContextMembershipReadOnly),
            ["response_types_supported"] = new JsonArray("id_token"),
            ["subject_types_supported"] = new JsonArray("public", "pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["claims_supported"] = new JsonArray("sub", "iss", "name", "given_name", "family_name", "email"),
            [LtiConstants.DynamicRegistration.PlatformConfiguration] = new JsonObject
            {
                ["product_family_code"] = family,
                ["version"] = Flavour == PlatformFlavour.Canvas ? "cloud" : "4.5",
                ["messages_supported"] = new JsonArray(
                    new JsonObject { ["type"] = LtiConstants.MessageTypes.ResourceLinkRequest },
                    new JsonObject { ["type"] = LtiConstants.MessageTypes.DeepLinkingRequest }),
            },
        };
        if (Flavour == PlatformFlavour.Canvas)
        {
            configuration["authorization_server"] = TokenAudience;
        }

        return Json(200, configuration.ToJsonString());
    }

    private ResponseMessage Register(IRequestMessage request)
    {
        if (!HasRegistrationToken(request))
        {
            return Json(401, """{"error":"registration token required"}""");
        }

        if (JsonNode.Parse(request.Body ?? "null") is not JsonObject body)
        {
            return Json(400, """{"error":"invalid_client_metadata"}""");
        }

        LastRegistrationRequest = (JsonObject)body.DeepClone();
        var toolConfiguration = body[LtiConstants.DynamicRegistration.ToolConfiguration] as JsonObject;
        var problem =
            body["application_type"]?.ToString() != "web" ? "application_type must be web"
            : body["redirect_uris"] is not JsonArray { Count: > 0 } ? "redirect_uris required"
            : body["initiate_login_uri"] is null ? "initiate_login_uri required"
            : body["jwks_uri"] is null ? "jwks_uri required"
            : body["token_endpoint_auth_method"]?.ToString() != "private_key_jwt" ? "token_endpoint_auth_method must be private_key_jwt"
            : body["grant_types"] is not JsonArray grants || !grants.Any(g => g?.ToString() == "client_credentials") ? "grant_types must include client_credentials"
            : toolConfiguration is null || toolConfiguration["domain"] is null ? "tool configuration with domain required"
            : null;
        if (problem is not null)
        {
            return Json(400, new JsonObject { ["error"] = "invalid_client_metadata", ["error_description"] = problem }.ToJsonString());
        }

        var requestedScopes = (body["scope"]?.ToString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = ScopesToGrant is null ? requestedScopes : requestedScopes.Intersect(ScopesToGrant, StringComparer.Ordinal).ToArray();
        var response = (JsonObject)body.DeepClone();
        response["client_id"] = RegisteredClientId;
        response["scope"] = string.Join(' ', granted);
        var responseTool = (JsonObject)toolConfiguration!.DeepClone();
        responseTool["deployment_id"] = DeploymentId;
        response[LtiConstants.DynamicRegistration.ToolConfiguration] = responseTool;
        return Json(200, response.ToJsonString());
    }
}
