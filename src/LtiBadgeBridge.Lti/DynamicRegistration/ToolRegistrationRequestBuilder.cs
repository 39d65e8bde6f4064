using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Lti.DynamicRegistration;

/// <summary>Builds the LTI Dynamic Registration 1.0 client registration request, with the Canvas placement
/// and privacy keys when the platform is Canvas (other platforms ignore unknown keys).</summary>
public static class ToolRegistrationRequestBuilder
{
    public static JsonObject Build(ToolDescription tool, PlatformConfiguration platform)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(platform);
        var isCanvas = platform.ProductFamily == ProductFamily.Canvas;
        var deepLinkingUri = tool.DeepLinkingUri ?? tool.LaunchUri;

        var resourceLink = new JsonObject
        {
            ["type"] = LtiConstants.MessageTypes.ResourceLinkRequest,
            ["target_link_uri"] = tool.LaunchUri.AbsoluteUri,
            ["label"] = tool.ResourceLinkLabel,
        };
        var deepLinking = new JsonObject
        {
            ["type"] = LtiConstants.MessageTypes.DeepLinkingRequest,
            ["target_link_uri"] = deepLinkingUri.AbsoluteUri,
            ["label"] = tool.DeepLinkingLabel,
        };
        if (isCanvas)
        {
            resourceLink["placements"] = new JsonArray(LtiConstants.Canvas.PlacementCourseNavigation);
            resourceLink[LtiConstants.Canvas.CourseNavigationDefaultEnabled] = true;
            deepLinking["placements"] = new JsonArray(LtiConstants.Canvas.PlacementLinkSelection, LtiConstants.Canvas.PlacementAssignmentSelection);
        }

        var toolConfiguration = new JsonObject
        {
            ["domain"] = tool.LaunchUri.Authority,
            ["target_link_uri"] = tool.LaunchUri.AbsoluteUri,
            ["claims"] = new JsonArray("iss", "sub", "name", "given_name", "family_name", "email"),
            ["messages"] = new JsonArray(resourceLink, deepLinking),
        };
        if (tool.Description is not null)
        {
            toolConfiguration["description"] = tool.Description;
        }

        if (isCanvas)
        {
            toolConfiguration[LtiConstants.Canvas.PrivacyLevel] = tool.CanvasPrivacyLevel;
        }

        var request = new JsonObject
        {
            ["application_type"] = "web",
            ["response_types"] = new JsonArray("id_token"),
            ["grant_types"] = new JsonArray("implicit", "client_credentials"),
            ["initiate_login_uri"] = tool.LoginInitiationUri.AbsoluteUri,
            ["redirect_uris"] = new JsonArray(tool.LaunchUri.AbsoluteUri),
            ["client_name"] = tool.ClientName,
            ["jwks_uri"] = tool.JwksUri.AbsoluteUri,
            ["token_endpoint_auth_method"] = "private_key_jwt",
            ["scope"] = string.Join(' ', tool.Scopes),
            [LtiConstants.DynamicRegistration.ToolConfiguration] = toolConfiguration,
        };
        if (deepLinkingUri != tool.LaunchUri)
        {
            ((JsonArray)request["redirect_uris"]!).Add(deepLinkingUri.AbsoluteUri);
        }

        if (tool.LogoUri is not null)
        {
            request["logo_uri"] = tool.LogoUri.AbsoluteUri;
        }

        if (tool.Contacts.Count > 0)
        {
            request["contacts"] = new JsonArray([.. tool.Contacts.Select(c => (JsonNode)c)]);
        }

        return request;
    }
}
