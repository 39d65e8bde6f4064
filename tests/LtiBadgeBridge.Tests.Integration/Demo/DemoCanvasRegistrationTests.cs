using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>LTI Dynamic Registration between the real service and the demo LMS started unregistered (as
/// <c>demo --register-in-lms</c>): the one-time registration token, what lands in the service's store, and the
/// developer key that gates launches until an admin turns it ON.</summary>
public sealed class DemoCanvasRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registration_ThroughTheToolsRegisterPage_StoresTheCanvasPlatformWithItsDeploymentAndGrantedScopes()
    {
        await using var site = await StartAsync();
        var token = site.Lms.DeveloperKeys.IssueRegistrationToken();
        using var http = site.Service.CreateClient();

        using var page = await http.GetAsync(RegisterUrl(site, token), Ct);

        var body = await page.Content.ReadAsStringAsync(Ct);
        Assert.True(page.StatusCode == HttpStatusCode.OK, body);
        var platform = Assert.Single(await site.Service.Services.GetRequiredService<PlatformStore>().ListAsync(Ct), p => p.Issuer == site.Lms.Options.Issuer);
        Assert.Equal((site.Lms.Options.ClientId, ProductFamilies.Canvas, "dynamic"), (platform.ClientId, platform.ProductFamily, platform.RegistrationSource));
        Assert.Equal(site.Lms.Options.TokenEndpoint.AbsoluteUri, platform.TokenEndpoint);
        var granted = platform.GrantedScopes!.Split(' ');
        Assert.Contains(LtiConstants.Scopes.Score, granted);
        Assert.Contains(LtiConstants.Scopes.ContextMembershipReadOnly, granted);
        Assert.All(granted, s => Assert.Contains(s, DemoDeveloperKeys.SupportedScopes));
        var deployment = Assert.Single(await site.Service.Services.GetRequiredService<PlatformStore>().ListDeploymentsAsync(platform.Id, Ct));
        Assert.Equal(site.Lms.Options.DeploymentId, deployment.DeploymentId);
        var key = site.Lms.DeveloperKeys.LtiKey!;
        Assert.False(key.On);
        Assert.Equal(granted.Order(StringComparer.Ordinal), key.Scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RegistrationToken_Replayed_IsRefused_AndTheFirstRegistrationStands()
    {
        await using var site = await StartAsync();
        var token = site.Lms.DeveloperKeys.IssueRegistrationToken();
        using var http = site.Service.CreateClient();
        using var first = await http.GetAsync(RegisterUrl(site, token), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var replay = await http.GetAsync(RegisterUrl(site, token), Ct);
        using var direct = await PostRegistrationAsync(site, token, ValidRegistration(site));

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);
        Assert.Single(await site.Service.Services.GetRequiredService<PlatformStore>().ListAsync(Ct), p => p.Issuer == site.Lms.Options.Issuer);
    }

    [Fact]
    public async Task WrongToken_IsRefused_ByTheConfigurationAndTheRegistrationEndpoints()
    {
        await using var site = await StartAsync();
        site.Lms.DeveloperKeys.IssueRegistrationToken();
        using var lmsHttp = new HttpClient();
        using var configuration = new HttpRequestMessage(HttpMethod.Get, site.Lms.Options.At(DemoRegistration.OpenIdConfigurationPath));
        configuration.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token-of-this-lms");

        using var config = await lmsHttp.SendAsync(configuration, Ct);
        using var register = await PostRegistrationAsync(site, "not-a-token-of-this-lms", ValidRegistration(site));

        Assert.Equal(HttpStatusCode.Unauthorized, config.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, register.StatusCode);
        Assert.Null(site.Lms.DeveloperKeys.LtiKey);
    }

    [Fact]
    public async Task Registration_NamingAnotherKeySet_IsRefused_AndLeavesTheTokenUsable()
    {
        await using var site = await StartAsync();
        var token = site.Lms.DeveloperKeys.IssueRegistrationToken();
        var foreign = ValidRegistration(site);
        foreign["jwks_uri"] = "https://attacker.example/jwks";

        using var refused = await PostRegistrationAsync(site, token, foreign);
        using var accepted = await PostRegistrationAsync(site, token, ValidRegistration(site));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("invalid_client_metadata", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var answer = JsonNode.Parse(await accepted.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(site.Lms.Options.ClientId, (string?)answer["client_id"]);
        Assert.Equal(site.Lms.Options.DeploymentId, (string?)answer[LtiConstants.DynamicRegistration.ToolConfiguration]!["deployment_id"]);
    }

    [Fact]
    public async Task Launch_IsRefusedUntilTheKeyIsOn()
    {
        await using var site = await StartAsync();
        var token = site.Lms.DeveloperKeys.IssueRegistrationToken();
        using (var registered = await PostRegistrationAsync(site, token, ValidRegistration(site)))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        var learner = site.Lms.Course.Learners[0];
        var authorize = new Uri(site.Lms.Options.AuthorizationEndpoint + "?" +
            $"scope=openid&response_type=id_token&response_mode=form_post&prompt=none&client_id={site.Lms.Options.ClientId}" +
            $"&redirect_uri={Uri.EscapeDataString(site.Lms.Options.ToolLaunchUri.AbsoluteUri)}&login_hint={learner.Subject}&state=s&nonce=n" +
            $"&lti_message_hint={Uri.EscapeDataString(DemoLaunch.MessageHint(site.Lms, learner))}");
        using var lmsHttp = new HttpClient();

        using var whileOff = await lmsHttp.GetAsync(authorize, Ct);
        site.Lms.DeveloperKeys.SetState(on: true);
        using var whileOn = await lmsHttp.GetAsync(authorize, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, whileOff.StatusCode);
        Assert.Contains("invalid_client", await whileOff.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, whileOn.StatusCode);
        Assert.Contains("id_token", await whileOn.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static Uri RegisterUrl(Site site, string token) =>
        new(site.Service.BaseUrl, "/lti/register?openid_configuration=" + Uri.EscapeDataString(site.Lms.Options.At(DemoRegistration.OpenIdConfigurationPath).AbsoluteUri)
            + "&registration_token=" + Uri.EscapeDataString(token));

    private static JsonObject ValidRegistration(Site site) => new()
    {
        ["application_type"] = "web",
        ["grant_types"] = new JsonArray("implicit", "client_credentials"),
        ["response_types"] = new JsonArray("id_token"),
        ["initiate_login_uri"] = site.Lms.Options.ToolLoginUri.AbsoluteUri,
        ["redirect_uris"] = new JsonArray(site.Lms.Options.ToolLaunchUri.AbsoluteUri),
        ["client_name"] = "Badges",
        ["jwks_uri"] = site.Lms.Options.ToolJwksUri.AbsoluteUri,
        ["token_endpoint_auth_method"] = "private_key_jwt",
        ["scope"] = LtiConstants.Scopes.Score,
        [LtiConstants.DynamicRegistration.ToolConfiguration] = new JsonObject
        {
            ["domain"] = site.Lms.Options.ToolOrigin.Authority,
            ["target_link_uri"] = site.Lms.Options.ToolLaunchUri.AbsoluteUri,
            ["messages"] = new JsonArray(new JsonObject { ["type"] = LtiConstants.MessageTypes.ResourceLinkRequest }),
        },
    };

    private static async Task<HttpResponseMessage> PostRegistrationAsync(Site site, string token, JsonObject registration)
    {
        using var lmsHttp = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, site.Lms.Options.At(DemoRegistration.RegistrationsPath))
        {
            Content = new StringContent(registration.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await lmsHttp.SendAsync(request, Ct);
        await response.Content.LoadIntoBufferAsync(Ct);
        return response;
    }

    private static async Task<Site> StartAsync()
    {
        var origin = $"http://127.0.0.1:{DemoLms.FreePort()}";
        var service = await TestService.StartAsync(new Dictionary<string, string?> { ["urls"] = origin, ["Service:PublicBaseUrl"] = origin }, cancellationToken: Ct);
        var port = DemoLms.FreePort();
        var lms = new DemoLms(new DemoLmsOptions { Origin = new Uri($"http://127.0.0.1:{port}"), ToolOrigin = service.BaseUrl, RegisteredAtStart = false }, TimeProvider.System);
        await lms.StartAsync(port, Ct);
        return new Site(service, lms);
    }

    /// <summary>The service and the unregistered demo LMS, disposed together.</summary>
    private sealed record Site(TestService Service, DemoLms Lms) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Lms.DisposeAsync();
            await Service.DisposeAsync();
        }
    }
}
