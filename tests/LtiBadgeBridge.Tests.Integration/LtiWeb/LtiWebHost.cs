using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.LtiWeb;

/// <summary>The real service on a known loopback port (so that its public URL is known before it starts) with
/// one emulated platform registered, and helpers that play the browser's part of a launch.</summary>
internal sealed class LtiWebHost : IAsyncDisposable
{
    private LtiWebHost(TestService service, EmulatedPlatform platform, Registrations.PlatformRegistration registration)
    {
        Service = service;
        Platform = platform;
        Registration = registration;
    }

    public TestService Service { get; }

    public EmulatedPlatform Platform { get; }

    public Registrations.PlatformRegistration Registration { get; }

    public string LaunchUri => Service.BaseUrl.AbsoluteUri.TrimEnd('/') + "/lti/launch";

    public static async Task<LtiWebHost> StartAsync(
        PlatformFlavour flavour, string deploymentPolicy = DeploymentPolicies.Auto, bool registerDeployment = true, IDictionary<string, string?>? settings = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var platform = flavour == PlatformFlavour.Canvas ? EmulatedPlatform.StartCanvas() : EmulatedPlatform.StartMoodle();
        var port = FreePort();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Service:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        };
        var service = await TestService.StartAsync(all, cancellationToken: cancellationToken);
        var platforms = service.Services.GetRequiredService<PlatformStore>();
        var registration = await platforms.UpsertAsync(
            new Registrations.PlatformRegistration
            {
                Issuer = platform.Issuer,
                ClientId = platform.ClientId,
                Name = "Emulated " + flavour,
                ProductFamily = flavour == PlatformFlavour.Canvas ? ProductFamilies.Canvas : ProductFamilies.Moodle,
                AuthorizationEndpoint = platform.AuthorizationEndpoint.AbsoluteUri,
                TokenEndpoint = platform.TokenEndpoint.AbsoluteUri,
                TokenAudience = flavour == PlatformFlavour.Canvas ? platform.TokenAudience : null,
                JwksUri = platform.JwksUri.AbsoluteUri,
                DeploymentPolicy = deploymentPolicy,
            },
            cancellationToken);
        if (registerDeployment)
        {
            await platforms.EnsureDeploymentAsync(registration.Id, platform.DeploymentId, DeploymentStatuses.Active, cancellationToken);
        }

        var host = new LtiWebHost(service, platform, registration);
        platform.RegisteredRedirectUris.Add(host.LaunchUri);
        return host;
    }

    /// <summary>A browser: a client with its own cookie jar that does not follow redirects.</summary>
    public HttpClient Browser(CookieContainer? cookies = null) => Service.CreateClient(allowRedirects: false, cookies: cookies ?? new CookieContainer());

    /// <summary>Login initiation (without platform storage) and the platform's authorization step: returns
    /// the id_token and state the platform would post, with the state cookie in <paramref name="browser"/>'s jar.</summary>
    public async Task<(string IdToken, string State, HttpResponseMessage Login)> LoginAsync(HttpClient browser, bool withStorageTarget = false)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var parameters = Platform.LoginInitiationParameters(LaunchUri).Where(p => withStorageTarget || p.Key != "lti_storage_target");
        var query = string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value ?? "")}"));
        var login = await browser.GetAsync(new Uri("/lti/login?" + query, UriKind.Relative), cancellationToken);
        Uri authorization;
        if (withStorageTarget)
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var page = await login.Content.ReadAsStringAsync(cancellationToken);
            authorization = new Uri(WebUtility.HtmlDecode(Regex.Match(page, "data-redirect=\"([^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            authorization = login.Headers.Location!;
        }

        using var platformBrowser = new HttpClient();
        var html = await platformBrowser.GetStringAsync(authorization, cancellationToken);
        var (action, fields) = EmulatedPlatform.ParseAutoPostForm(html);
        Assert.Equal(LaunchUri, action.AbsoluteUri);
        return (fields["id_token"], fields["state"], login);
    }

    /// <summary>Posts the launch form as the platform's page would.</summary>
    public static Task<HttpResponseMessage> PostLaunchAsync(HttpClient browser, string? idToken, string? state, params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (idToken is not null)
        {
            fields.Add(new("id_token", idToken));
        }

        if (state is not null)
        {
            fields.Add(new("state", state));
        }

        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        return browser.PostAsync(new Uri("/lti/launch", UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    /// <summary>A full launch: login, authorization, launch POST. Returns the launch response.</summary>
    public async Task<HttpResponseMessage> LaunchAsync(HttpClient browser)
    {
        var (idToken, state, _) = await LoginAsync(browser);
        return await PostLaunchAsync(browser, idToken, state);
    }

    /// <summary>Login, then a hand-made id_token for the issued nonce (to send hostile variants).</summary>
    public async Task<(string Nonce, string State)> LoginForNonceAsync(HttpClient browser)
    {
        var (idToken, state, _) = await LoginAsync(browser);
        var payload = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(idToken);
        return (payload.GetClaim("nonce").Value, state);
    }

    public JsonObject Claims(string nonce, string role = LtiBadgeBridge.Lti.LtiConstants.Roles.Learner) =>
        Platform.ResourceLinkClaims(nonce, LaunchUri, role);

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        Platform.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
