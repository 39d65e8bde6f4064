using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Demo;

namespace LtiBadgeBridge.Tests.Browser.Infrastructure;

/// <summary>
/// The real service (in process, SQLite in a temp directory) and the demo LMS, each on a free 127.0.0.1 port,
/// wired as the <c>demo</c> command wires them: the LMS registered as a Canvas platform and course sync configured.
/// With <see cref="CrossSite"/> the browser reaches the service as <c>localhost</c> and the LMS as <c>127.0.0.1</c>,
/// two different sites: the tool in the LMS's iframe is then a third party, as in production.
/// </summary>
internal sealed class DemoSite : IAsyncDisposable
{
    private DemoSite(TestService service, DemoLms lms, PlatformRegistration platform, Uri toolOrigin, bool crossSite)
    {
        Service = service;
        Lms = lms;
        Platform = platform;
        ToolOrigin = toolOrigin;
        CrossSite = crossSite;
    }

    public TestService Service { get; }

    public DemoLms Lms { get; }

    public PlatformRegistration Platform { get; }

    /// <summary>The service as the browser and the LMS address it (its public base URL).</summary>
    public Uri ToolOrigin { get; }

    public Uri LmsOrigin => Lms.Options.Origin;

    public bool CrossSite { get; }

    /// <param name="operatorToken">When given, the service's operator login token (<c>Service:OperatorToken</c>) for the admin console.</param>
    public static async Task<DemoSite> StartAsync(bool crossSite, CancellationToken cancellationToken, string? operatorToken = null)
    {
        var port = DemoLms.FreePort();
        var toolOrigin = new Uri($"http://{(crossSite ? "localhost" : "127.0.0.1")}:{port}");
        var service = await TestService.StartAsync(
            new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{port}",
                ["Service:PublicBaseUrl"] = toolOrigin.GetLeftPart(UriPartial.Authority),
                ["Issuance:SchemaDirectory"] = TestVectors.Path("ob3", "schema"),
                ["Logging:LogLevel:Default"] = "Warning",
            }.Concat(operatorToken is null ? [] : [new KeyValuePair<string, string?>("Service:OperatorToken", operatorToken)]).ToDictionary(),
            cancellationToken: cancellationToken);
        DemoLms? lms = null;
        try
        {
            using var keys = service.CreateClient();
            var keySet = await keys.GetStringAsync(new Uri(service.BaseUrl, LtiBadgeBridge.Web.Lti.LtiUrls.JwksPath), cancellationToken);
            lms = await DemoLms.StartOnFreePortAsync(toolOrigin, TimeProvider.System, _ => Task.FromResult(keySet), cancellationToken);
            var platform = await DemoCommand.RegisterAsync(service.Services, lms.Options, cancellationToken);
            await DemoCommand.ConfigureSyncAsync(service.Services, platform, lms, cancellationToken);
            return new DemoSite(service, lms, platform, toolOrigin, crossSite);
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
