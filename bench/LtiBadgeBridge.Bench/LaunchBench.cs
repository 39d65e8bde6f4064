using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Bench;

/// <summary>
/// Full LTI launch round trips (DESIGN.md §6) against the real service on Kestrel and a local emulated Canvas
/// (WireMock, in this process): login initiation -> the platform's authorization step (signs an RS256
/// id_token) -> id_token POST -> 303 to the landing page. 32 concurrent browsers, on SQLite and PostgreSQL.
/// Then the unknown-kid storm: 1,000 launches signed with a key the platform never published; counts key set fetches.
/// Launches come from a class of <c>users</c> learners of one course (each learner's first launch records them,
/// later ones find them); <c>users=1</c> is the worst case of one learner launching from 32 tabs at once.
/// Usage: launch [launches=2000] [concurrency=32] [sqlite,postgres] [users=500]
/// </summary>
internal static class LaunchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var launches = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var providers = args.Length > 2 ? args[2].Split(',') : ["sqlite", "postgres"];
        var users = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 500;
        Console.WriteLine("| database | launches | learners | concurrency | launches/s | p50 ms | p99 ms | errors | CPU ms per launch (tool + platform + client) | unknown-kid launches | refused | key set fetches |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var provider in providers)
        {
            await RunOneAsync(provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, launches, concurrency, users);
        }

        return 0;
    }

    private static async Task RunOneAsync(DatabaseProvider provider, int launches, int concurrency, int users)
    {
        var cancellationToken = CancellationToken.None;
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var settings = new List<string> { $"--urls={baseUrl}", $"--Service:PublicBaseUrl={baseUrl}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:LtiBadgeBridge=Warning" };
        if (provider == DatabaseProvider.Postgres)
        {
            await using var created = await BenchDatabase.CreateAsync(provider, cancellationToken);
            settings.Add($"--Database:ConnectionString={created.PostgresConnectionString}");
        }
        else
        {
            settings.Add($"--Database:DataDirectory={Path.Combine(Path.GetTempPath(), $"ltibb-bench-{Guid.NewGuid():N}")}");
        }

        using var platform = EmulatedPlatform.StartCanvas();
        var launched = 0;
        platform.LaunchClaimsFactory = (nonce, redirectUri) => platform.ResourceLinkClaims(
            nonce, redirectUri, subject: "learner-" + (Interlocked.Increment(ref launched) % users).ToString(CultureInfo.InvariantCulture));
        await using var app = ServiceHost.Build([.. settings], null);
        await ServiceHost.PrepareAsync(app, cancellationToken);
        ServiceHost.MapEndpoints(app);
        await app.StartAsync(cancellationToken);
        var store = app.Services.GetRequiredService<PlatformStore>();
        var registration = await store.UpsertAsync(new PlatformRegistration
        {
            Issuer = platform.Issuer,
            ClientId = platform.ClientId,
            Name = "Bench Canvas",
            ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = platform.AuthorizationEndpoint.AbsoluteUri,
            TokenEndpoint = platform.TokenEndpoint.AbsoluteUri,
            JwksUri = platform.JwksUri.AbsoluteUri,
        }, cancellationToken);
        await store.EnsureDeploymentAsync(registration.Id, platform.DeploymentId, DeploymentStatuses.Active, cancellationToken);

        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 };
        using var http = new HttpClient(handler);
        var launchUri = baseUrl + "/lti/launch";
        var query = string.Join('&', platform.LoginInitiationParameters(launchUri).Where(p => p.Key != "lti_storage_target")
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value ?? "")}"));
        var loginUri = new Uri($"{baseUrl}/lti/login?{query}");

        // Warm up (JIT, pools, key set cache).
        for (var i = 0; i < 20; i++)
        {
            await LaunchOnceAsync(http, loginUri, launchUri);
        }

        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < launches)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await LaunchOnceAsync(http, loginUri, launchUri))
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        watch.Stop();
        var cpuPerLaunch = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / launches;
        var sorted = latencies.Order().ToArray();

        // The unknown-kid storm: tokens signed with a key the platform never published.
        using var rogue = new PlatformTokenSigner("rogue-kid", keySlot: 1);
        var fetchesBefore = KeySetFetches(platform);
        var refused = 0;
        next = -1;
        const int storm = 1000;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (Interlocked.Increment(ref next) < storm)
            {
                var state = "storm" + Guid.NewGuid().ToString("N");
                var token = rogue.MintIdToken(platform.ResourceLinkClaims("nonce-" + state, launchUri));
                using var request = new HttpRequestMessage(HttpMethod.Post, launchUri)
                {
                    Content = new FormUrlEncodedContent([new("id_token", token), new("state", state)]),
                };
                request.Headers.Add("Cookie", $"lti-state-{state[..16]}={state}");
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));
        var fetches = KeySetFetches(platform) - fetchesBefore;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {launches} | {users} | {concurrency} | {launches / watch.Elapsed.TotalSeconds:F0} | {Percentile(sorted, 0.50):F1} | {Percentile(sorted, 0.99):F1} | {errors} | {cpuPerLaunch:F2} | {storm} | {refused} | {fetches} |"));
        await app.StopAsync(cancellationToken);
    }

    private static async Task<bool> LaunchOnceAsync(HttpClient http, Uri loginUri, string launchUri)
    {
        using var login = await http.GetAsync(loginUri);
        if (login.StatusCode != HttpStatusCode.Redirect || !login.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            return false;
        }

        var cookie = setCookies.First().Split(';')[0];
        var html = await http.GetStringAsync(login.Headers.Location);
        var (_, fields) = EmulatedPlatform.ParseAutoPostForm(html);
        using var request = new HttpRequestMessage(HttpMethod.Post, launchUri)
        {
            Content = new FormUrlEncodedContent([new("id_token", fields["id_token"]), new("state", fields["state"])]),
        };
        request.Headers.Add("Cookie", cookie);
        using var launch = await http.SendAsync(request);
        return launch.StatusCode == HttpStatusCode.SeeOther;
    }

    private static int KeySetFetches(EmulatedPlatform platform) =>
        platform.Server.LogEntries.Count(e => e.RequestMessage.Path == platform.JwksUri.AbsolutePath);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
