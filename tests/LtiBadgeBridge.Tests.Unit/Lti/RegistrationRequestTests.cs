using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.DynamicRegistration;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class RegistrationRequestTests
{
    private static readonly ToolDescription Tool = new()
    {
        ClientName = "LtiBadgeBridge",
        LaunchUri = new Uri("https://tool.example.org/lti/launch"),
        LoginInitiationUri = new Uri("https://tool.example.org/lti/login"),
        JwksUri = new Uri("https://tool.example.org/.well-known/jwks.json"),
    };

    private static PlatformConfiguration Platform(string family) => new()
    {
        Issuer = "https://lms.example.edu",
        AuthorizationEndpoint = new Uri("https://lms.example.edu/auth"),
        TokenEndpoint = new Uri("https://lms.example.edu/token"),
        JwksUri = new Uri("https://lms.example.edu/jwks"),
        RegistrationEndpoint = new Uri("https://lms.example.edu/register"),
        ProductFamilyCode = family,
    };

    [Fact]
    public void Request_ForCanvas_HasPlacementsAndPrivacyLevel()
    {
        var request = ToolRegistrationRequestBuilder.Build(Tool, Platform("canvas"));

        var configuration = request[LtiConstants.DynamicRegistration.ToolConfiguration]!.AsObject();
        Assert.Equal("public", configuration[LtiConstants.Canvas.PrivacyLevel]!.GetValue<string>());
        var messages = configuration["messages"]!.AsArray();
        Assert.Equal(["course_navigation"], Placements(messages[0]!));
        Assert.Equal(["link_selection", "assignment_selection"], Placements(messages[1]!));
        Assert.Equal("tool.example.org", configuration["domain"]!.GetValue<string>());
    }

    [Fact]
    public void Request_ForMoodle_HasTheStandardFieldsWithoutCanvasKeys()
    {
        var request = ToolRegistrationRequestBuilder.Build(Tool, Platform("moodle"));

        Assert.Equal("web", request["application_type"]!.GetValue<string>());
        Assert.Equal(["implicit", "client_credentials"], request["grant_types"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(["https://tool.example.org/lti/launch"], request["redirect_uris"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("https://tool.example.org/lti/login", request["initiate_login_uri"]!.GetValue<string>());
        Assert.Equal("private_key_jwt", request["token_endpoint_auth_method"]!.GetValue<string>());
        Assert.Contains(LtiConstants.Scopes.ContextMembershipReadOnly, request["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(LtiConstants.Scopes.Score, request["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        var configuration = request[LtiConstants.DynamicRegistration.ToolConfiguration]!.AsObject();
        Assert.Null(configuration[LtiConstants.Canvas.PrivacyLevel]);
        Assert.Equal(
            [LtiConstants.MessageTypes.ResourceLinkRequest, LtiConstants.MessageTypes.DeepLinkingRequest],
            configuration["messages"]!.AsArray().Select(m => m!["type"]!.GetValue<string>()));
    }

    private static IEnumerable<string> Placements(JsonNode message) => message["placements"]!.AsArray().Select(p => p!.GetValue<string>());
}
