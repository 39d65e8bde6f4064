using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LtiBadgeBridge.Tests.Integration.Hosting;

/// <summary>
/// The real service in this test process: the same build, settings validation, migrations and endpoint
/// mapping as the executable, on real Kestrel bound to a free loopback port. Use it for endpoint tests;
/// use <c>ServiceProcess</c> where the separate process itself matters (restarts, roles, exit codes).
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private TestService(WebApplication app, Uri baseUrl, string dataDirectory)
    {
        App = app;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseUrl { get; }

    public string DataDirectory { get; }

    /// <summary>Starts the service on SQLite in a fresh data directory, or on the given settings.</summary>
    /// <param name="settings">Extra settings as <c>Section:Key</c> = value, e.g. a PostgreSQL connection string.</param>
    /// <param name="configureServices">Replace services the test owns the other side of (e.g. a fake clock).</param>
    public static async Task<TestService> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"ltibb-svc-{Guid.NewGuid():N}");
        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--Database:DataDirectory={dataDirectory}" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        var app = ServiceHost.Build([.. args], null, configureServices);
        await ServiceHost.PrepareAsync(app, cancellationToken);
        ServiceHost.MapEndpoints(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestService(app, new Uri(address), dataDirectory);
    }

    /// <summary>An HttpClient for the service that does not follow redirects (tests assert them).</summary>
    public HttpClient CreateClient(bool allowRedirects = false, System.Net.CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = allowRedirects, UseCookies = cookies is not null, CookieContainer = cookies ?? new System.Net.CookieContainer() };
        return new HttpClient(handler) { BaseAddress = BaseUrl };
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
