using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Web.Demo.Moodle;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The demo Moodle registers the tool as Moodle does: dynamic registration with a one-time token, the new tool
/// pending (its launches refused) until the admin activates it.</summary>
public sealed class DemoMoodleRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DynamicRegistration_StoresAMoodlePlatformOnBothSides_PendingUntilTheAdminActivatesIt()
    {
        await using var host = await DemoMoodleHost.StartAsync(Ct);
        Assert.Empty(host.Moodle.Tools);
        using var browser = DemoMoodleHost.Browser();

        using var page = await host.OpenRegistrationAsync(browser, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("LtiBadgeBridge is registered", html, StringComparison.Ordinal);
        Assert.Contains("Manage tools", html, StringComparison.Ordinal);
        var tool = Assert.Single(host.Moodle.Tools);
        Assert.False(tool.IsActive);
        Assert.Equal(host.Service.BaseUrl.AbsoluteUri + "lti/login", tool.InitiateLoginUri);
        Assert.Contains(LtiConstants.Scopes.Score, tool.Scopes);
        Assert.Contains(LtiConstants.Scopes.ContextMembershipReadOnly, tool.Scopes);
        var platform = await host.PlatformAsync(Ct);
        Assert.NotNull(platform);
        Assert.Equal(ProductFamilies.Moodle, platform.ProductFamily);
        Assert.Equal("pending", platform.RegistrationStatus);
        Assert.Equal(host.Moodle.TokenEndpoint.AbsoluteUri, platform.TokenEndpoint);
        Assert.Equal(host.Moodle.AuthorizationEndpoint.AbsoluteUri, platform.AuthorizationEndpoint);
        Assert.NotNull(await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<PlatformStore>(host.Service.Services).FindDeploymentAsync(platform.Id, tool.DeploymentId, Ct));

        // Pending: Moodle refuses to launch the tool, from the activity page and at its authorization endpoint.
        using var refused = await browser.GetAsync(host.Moodle.At($"/mod/lti/view.php?id={DemoMoodle.ToolCmid}&as={host.Lms.Course.Instructor.UserId}"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("pending", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var tools = await browser.GetStringAsync(host.Moodle.ManageToolsUrl, Ct);
        Assert.Contains(">Pending<", tools, StringComparison.Ordinal);
        Assert.Contains(">Activate</button>", tools, StringComparison.Ordinal);

        using var activate = await browser.PostAsync(host.Moodle.ManageToolsUrl,
            new FormUrlEncodedContent([new("action", "activate"), new("typeid", tool.DeploymentId)]), Ct);
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        Assert.True(host.Moodle.FindTool(tool.TypeId)!.IsActive);
        using var launch = await host.LaunchAsync(browser, host.Lms.Course.Instructor.UserId, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        Assert.StartsWith("/lti/instructor?s=", launch.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The platform's first signed launch is its activation: the tool's side stops calling it pending.
        Assert.Equal(RegistrationStatuses.Active, (await host.PlatformAsync(Ct))!.RegistrationStatus);
    }

    [Fact]
    public async Task RegistrationToken_IsCheckedAndUsableOnce()
    {
        await using var host = await DemoMoodleHost.StartAsync(Ct);
        using var http = new HttpClient();
        var token = DemoMoodleRegistration.NewRegistrationToken(host.Moodle);
        var payload = new JsonObject
        {
            ["application_type"] = "web",
            ["response_types"] = new JsonArray("id_token"),
            ["initiate_login_uri"] = "http://127.0.0.1:1/lti/login",
            ["redirect_uris"] = new JsonArray("http://127.0.0.1:1/lti/launch"),
            ["jwks_uri"] = "http://127.0.0.1:1/.well-known/jwks.json",
            ["token_endpoint_auth_method"] = "private_key_jwt",
            ["client_name"] = "Some tool",
            ["scope"] = LtiConstants.Scopes.Score + " https://example.org/not-a-moodle-scope",
            [LtiConstants.DynamicRegistration.ToolConfiguration] = new JsonObject { ["target_link_uri"] = "http://127.0.0.1:1/lti/launch", ["domain"] = "127.0.0.1:1" },
        }.ToJsonString();

        async Task<HttpResponseMessage> PostAsync(string? bearer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, host.Moodle.RegistrationEndpoint) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            if (bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            return await http.SendAsync(request, Ct);
        }

        using var missing = await PostAsync(null);
        using var forged = await PostAsync(token[..^4] + "AAAA");
        using var first = await PostAsync(token);
        using var replayed = await PostAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        var body = JsonNode.Parse(await first.Content.ReadAsStringAsync(Ct))!;
        var tool = Assert.Single(host.Moodle.Tools);
        Assert.Equal(tool.ClientId, body["client_id"]!.GetValue<string>());
        Assert.Equal(LtiConstants.Scopes.Score, body["scope"]!.GetValue<string>());
        Assert.Equal(tool.DeploymentId, body[LtiConstants.DynamicRegistration.ToolConfiguration]!["deployment_id"]!.GetValue<string>());
        var configuration = JsonNode.Parse(await http.GetStringAsync(host.Moodle.OpenIdConfigurationUrl, Ct))!;
        Assert.Equal(host.Moodle.WwwRoot, configuration["issuer"]!.GetValue<string>());
        Assert.Equal("moodle", configuration[LtiConstants.DynamicRegistration.PlatformConfiguration]!["product_family_code"]!.GetValue<string>());
    }
}
