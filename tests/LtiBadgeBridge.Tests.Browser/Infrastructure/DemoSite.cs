using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Browser.Infrastructure;

/// <summary>
/// The real service (in process, SQLite in a temp directory) and the demo LMS, each on a free 127.0.0.1 port,
/// wired as the <c>demo</c> command wires them: the LMS registered as a Canvas platform and course sync configured.
/// With <see cref="CrossSite"/> the browser reaches the service as <c>localhost</c> and the LMS as <c>127.0.0.1</c>,
/// two different sites: the tool in the LMS's iframe is then a third party, as in production.
/// <see cref="StartUnregisteredAsync"/> starts both with the tool NOT registered in the LMS (as <c>demo --register-in-lms</c>):
/// the test registers it through the LMS's Developer Keys page and signs in to the admin console with <see cref="OperatorToken"/>.
/// </summary>
internal sealed class DemoSite : IAsyncDisposable
{
    private PlatformRegistration? platform;

    private DemoSite(TestService service, DemoLms lms, PlatformRegistration? platform, Uri toolOrigin, bool crossSite)
    {
        Service = service;
        Lms = lms;
        this.platform = platform;
        ToolOrigin = toolOrigin;
        CrossSite = crossSite;
    }

    public TestService Service { get; }

    public DemoLms Lms { get; }

    /// <summary>The LMS as the service registered it (for an unregistered start: once <see cref="FindRegisteredPlatformAsync"/> found it).</summary>
    public PlatformRegistration Platform => platform ?? throw new InvalidOperationException("The LMS is not registered with the service yet.");

    /// <summary>The operator token of the admin console (set for <see cref="StartUnregisteredAsync"/> only).</summary>
    public string? OperatorToken { get; private init; }

    /// <summary>The service as the browser and the LMS address it (its public base URL).</summary>
    public Uri ToolOrigin { get; }

    public Uri LmsOrigin => Lms.Options.Origin;

    public bool CrossSite { get; }

    /// <param name="operatorToken">When given, the service's operator login token (<c>Service:OperatorToken</c>) for the admin console.</param>
    public static Task<DemoSite> StartAsync(bool crossSite, CancellationToken cancellationToken, string? operatorToken = null) =>
        StartAsync(crossSite, registered: true, operatorToken, cancellationToken);

    /// <summary>The service and the LMS on one site, the tool not registered in the LMS and no course sync configured.</summary>
    public static Task<DemoSite> StartUnregisteredAsync(CancellationToken cancellationToken) =>
        StartAsync(crossSite: false, registered: false, operatorToken: null, cancellationToken);

    /// <summary>The platform the LMS's dynamic registration stored in the service; null while there is none.</summary>
    public async Task<PlatformRegistration?> FindRegisteredPlatformAsync(CancellationToken cancellationToken)
    {
        platform ??= (await Service.Services.GetRequiredService<PlatformStore>().ListAsync(cancellationToken))
            .FirstOrDefault(p => p.Issuer == Lms.Options.Issuer && p.ClientId == Lms.Options.ClientId);
        return platform;
    }

    private static async Task<DemoSite> StartAsync(bool crossSite, bool registered, string? operatorToken, CancellationToken cancellationToken)
    {
        operatorToken ??= registered ? null : "demo-operator-" + Guid.NewGuid().ToString("N");
        var port = DemoLms.FreePort();
        var toolOrigin = new Uri($"http://{(crossSite ? "localhost" : "127.0.0.1")}:{port}");
        var service = await TestService.StartAsync(
            new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{port}",
                ["Service:PublicBaseUrl"] = toolOrigin.GetLeftPart(UriPartial.Authority),
                ["Issuance:SchemaDirectory"] = TestVectors.Path("ob3", "schema"),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Service:OperatorToken"] = operatorToken,
            },
            cancellationToken: cancellationToken);
        DemoLms? lms = null;
        try
        {
            using var keys = service.CreateClient();
            var keySet = await keys.GetStringAsync(new Uri(service.BaseUrl, LtiBadgeBridge.Web.Lti.LtiUrls.JwksPath), cancellationToken);
            if (!registered)
            {
                var lmsPort = DemoLms.FreePort();
                var options = new DemoLmsOptions { Origin = new Uri($"http://127.0.0.1:{lmsPort}"), ToolOrigin = toolOrigin, RegisteredAtStart = false };
                lms = new DemoLms(options, TimeProvider.System, _ => Task.FromResult(keySet));
                await lms.StartAsync(lmsPort, cancellationToken);
                return new DemoSite(service, lms, null, toolOrigin, crossSite) { OperatorToken = operatorToken };
            }

            lms = await DemoLms.StartOnFreePortAsync(toolOrigin, TimeProvider.System, _ => Task.FromResult(keySet), cancellationToken);
            var registration = await DemoCommand.RegisterAsync(service.Services, lms.Options, cancellationToken);
            await DemoCommand.ConfigureSyncAsync(service.Services, registration, lms, cancellationToken);
            return new DemoSite(service, lms, registration, toolOrigin, crossSite) { OperatorToken = operatorToken };
        }
        catch
        {
            if (lms is not null)
            {
                await lms.DisposeAsync();
            }

            await service.DisposeAsync();
            throw;
        }
    }

    public Uri Tool(string pathAndQuery) => new(ToolOrigin, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await Lms.DisposeAsync();
        await Service.DisposeAsync();
    }
}
