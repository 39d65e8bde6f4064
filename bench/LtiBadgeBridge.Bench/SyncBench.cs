using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.InMemory;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Snapshots;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Bench;

/// <summary>
/// Course sync against the emulated Canvas (DESIGN.md §6): N learners x 40 assignments with 5 ms latency
/// per request, a full first sync timed end to end (HTTP, mapping, batched writes, checkpoints); then the
/// leaky-bucket throttled emulator: throttled responses (target 0) and time against the drain-limited ceiling.
/// Args: <c>[sqlite|postgres] [learner counts, e.g. 100,500,1000,10000] [throttled learners]</c>.
/// </summary>
internal static class SyncBench
{
    private static readonly Uri RedirectUri = new("https://badges.example.edu/sync/canvas/callback");

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 0 && args[0] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var sizes = args.Length > 1 ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [100, 500, 1000, 10_000];
        var throttledLearners = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        const int assignments = 40;

        Console.WriteLine($"| learners | assignments | requests | seconds | submissions/s | rows changed | database |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|");
        var times = new Dictionary<int, double>();
        foreach (var learners in sizes)
        {
            using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = learners, Assignments = assignments, Latency = TimeSpan.FromMilliseconds(5) });
            var (seconds, result) = await SyncOnceAsync(canvas, provider);
            times[learners] = seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {learners} | {assignments} | {canvas.TotalRequests} | {seconds:F2} | {learners * assignments / seconds:F0} | {result.ChangedRows} | {provider} |"));
        }

        if (times.TryGetValue(1000, out var t1k) && times.TryGetValue(10_000, out var t10k))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nratio 10k/1k: {t10k / t1k:F2} (target <= 11)"));
        }

        if (throttledLearners > 0)
        {
            using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = throttledLearners, Assignments = assignments, Throttle = true });
            var (seconds, _) = await SyncOnceAsync(canvas, provider);
            var options = canvas.Options;
            var requests = canvas.TotalRequests - 1; // the OAuth code exchange is not an API call
            var totalCost = (requests * options.BaseCost) + (options.CostPerItem * ((throttledLearners * assignments) + throttledLearners + assignments + (throttledLearners * 2)));
            var headroom = options.HighWaterMark - options.UpFrontCost;
            var ceilingSeconds = Math.Max(0, totalCost - headroom) / options.DrainPerSecond;
            Console.WriteLine();
            Console.WriteLine("| throttled scenario | learners | requests | throttled responses | seconds | drain-limited ceiling (s) | of ceiling |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| leaky bucket 600/10 per s/50 up front | {throttledLearners} | {requests} | {canvas.ThrottledResponses} | {seconds:F2} | {ceilingSeconds:F2} | {(seconds <= 0 ? 0 : Math.Min(1, ceilingSeconds / seconds)) * 100:F0} % |"));
        }

        return 0;
    }

    private static async Task<(double Seconds, SyncRunResult Result)> SyncOnceAsync(EmulatedCanvas canvas, DatabaseProvider provider)
    {
        var ct = CancellationToken.None;
        await using var database = await BenchDatabase.CreateAsync(provider, ct);
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddSingleton(database);
        collection.AddDataProtection().UseEphemeralDataProtectionProvider();
        collection.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new InMemoryStorage()));
        collection.AddSingleton<OutboxStore>();
        collection.AddSingleton<OutboxPublisher>();
        collection.AddSingleton<CourseStore>();
        collection.AddSingleton<SnapshotStore>();
        collection.AddSingleton<PlatformStore>();
        collection.AddSync();
        collection.Configure<SyncOptions>(o => o.CanvasRedirectUri = RedirectUri);
        await using var services = collection.BuildServiceProvider();

        var platform = await services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com",
            ClientId = "10000000000001",
            Name = "Canvas",
            ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
            TokenEndpoint = canvas.BaseUrl + "login/oauth2/token",
            JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, ct);
        var course = await services.GetRequiredService<CourseStore>().UpsertFromLaunchAsync(new Course
        {
            PlatformId = platform.Id,
            DeploymentId = "1",
            ContextId = "ctx",
            LmsCourseId = canvas.Fixture.CourseId.ToString(CultureInfo.InvariantCulture),
        }, ct);
        var credentials = services.GetRequiredService<PlatformCredentialsStore>();
        await credentials.SaveCanvasAsync(platform.Id, canvas.BaseUrl, canvas.Options.ClientId, canvas.Options.ClientSecret, ct);
        var key = new CanvasDeveloperKey { ClientId = canvas.Options.ClientId, ClientSecret = canvas.Options.ClientSecret, RedirectUri = RedirectUri };
        var token = await services.GetRequiredService<ICanvasOAuthClient>().ExchangeCodeAsync(canvas.BaseUrl, key, canvas.IssueAuthorizationCode(RedirectUri), ct);
        await credentials.SaveCourseTokenAsync(platform.Id, course.Id, token.Value, ct);

        var watch = Stopwatch.StartNew();
        var result = await services.GetRequiredService<SyncCourseJob>().RunAsync(course.Id, ct);
        watch.Stop();
        if (result.Outcome != SyncOutcome.Succeeded)
        {
            throw new InvalidOperationException($"The sync did not succeed: {result.Code} {result.Message}");
        }

        return (watch.Elapsed.TotalSeconds, result);
    }
}
