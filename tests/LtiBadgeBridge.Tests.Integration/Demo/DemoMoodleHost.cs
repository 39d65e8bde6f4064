using System.Globalization;
using System.Net;
using Hangfire;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Testing.Jobs;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Demo;
using LtiBadgeBridge.Web.Demo.Moodle;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The real service (background jobs recorded, not run) and the demo LMS with its Moodle site, each on a
/// free loopback port; the Moodle site starts without the tool. Helpers drive what the admin and the browser do.</summary>
internal sealed class DemoMoodleHost : IAsyncDisposable
{
    private DemoMoodleHost(TestService service, DemoLms lms, HttpClient toolKeys)
    {
        Service = service;
        Lms = lms;
        ToolKeys = toolKeys;
    }

    public TestService Service { get; }

    public DemoLms Lms { get; }

    public DemoMoodle Moodle => Lms.Moodle;

    private HttpClient ToolKeys { get; }

    public static async Task<DemoMoodleHost> StartAsync(CancellationToken cancellationToken)
    {
        var port = DemoLms.FreePort();
        var origin = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var service = await TestService.StartAsync(
            new Dictionary<string, string?>
            {
                ["urls"] = origin.GetLeftPart(UriPartial.Authority),
                ["Service:PublicBaseUrl"] = origin.GetLeftPart(UriPartial.Authority),
                ["Issuance:SchemaDirectory"] = TestVectors.Path("ob3", "schema"),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Service:OperatorToken"] = Admin.AdminBrowser.Token,
            },
            services => services.AddSingleton<IBackgroundJobClient>(new RecordingJobClient()),
            cancellationToken);
        var keys = service.CreateClient();
        var lms = await DemoLms.StartOnFreePortAsync(origin, TimeProvider.System, ct => keys.GetStringAsync(new Uri(origin, "/.well-known/jwks.json"), ct), cancellationToken);
        return new DemoMoodleHost(service, lms, keys);
    }

    /// <summary>A browser-like client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() });

    /// <summary>The admin's "Add LTI Advantage": the tool's registration page opened with the site's configuration URL and a fresh token.</summary>
    public async Task<HttpResponseMessage> OpenRegistrationAsync(HttpClient browser, CancellationToken cancellationToken)
    {
        using var start = await browser.GetAsync(new Uri(Moodle.At("/mod/lti/startltiadvregistration.php?url=" + Uri.EscapeDataString(Moodle.ToolRegistrationUrl.AbsoluteUri)).AbsoluteUri), cancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return await browser.GetAsync(start.Headers.Location, cancellationToken);
    }

    /// <summary>Registers the tool dynamically and activates it; returns the platform as the service stored it.</summary>
    public async Task<PlatformRegistration> RegisterAndActivateAsync(CancellationToken cancellationToken)
    {
        using var browser = Browser();
        using var page = await OpenRegistrationAsync(browser, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var tool = Assert.Single(Moodle.Tools);
        Assert.True(Moodle.Activate(tool.TypeId));
        return await PlatformAsync(cancellationToken) ?? throw new InvalidOperationException("The service did not store the Moodle platform.");
    }

    public Task<PlatformRegistration?> PlatformAsync(CancellationToken cancellationToken) =>
        Moodle.CourseTool is { } tool
            ? Service.Services.GetRequiredService<PlatformStore>().FindAsync(Moodle.WwwRoot, tool.ClientId, cancellationToken)
            : Task.FromResult<PlatformRegistration?>(null);

    /// <summary>A launch of the course's "Badges" activity as <paramref name="userId"/>, through Moodle and the tool's
    /// login and launch endpoints; returns the tool's answer to the launch POST.</summary>
    public async Task<HttpResponseMessage> LaunchAsync(HttpClient browser, long userId, CancellationToken cancellationToken)
    {
        var launchPage = await browser.GetStringAsync(Moodle.At($"/mod/lti/launch.php?id={DemoMoodle.ToolCmid}&as={userId.ToString(CultureInfo.InvariantCulture)}"), cancellationToken);
        var (loginAction, loginFields) = EmulatedPlatform.ParseAutoPostForm(launchPage);
        using var login = await browser.PostAsync(loginAction, new FormUrlEncodedContent(loginFields), cancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authorizePage = await browser.GetStringAsync(login.Headers.Location, cancellationToken);
        var (launchAction, launchFields) = EmulatedPlatform.ParseAutoPostForm(authorizePage);
        return await browser.PostAsync(launchAction, new FormUrlEncodedContent(launchFields), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Lms.DisposeAsync();
        ToolKeys.Dispose();
        await Service.DisposeAsync();
    }
}
