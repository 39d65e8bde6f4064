using System.Diagnostics;
using System.Globalization;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Issuance;

namespace LtiBadgeBridge.Bench;

/// <summary>
/// Issuance end to end on PostgreSQL: N earned awards with intents in the outbox, drained by the issue handler in
/// batches (claim, load, allocate status slots, build, sign, insert + mark processed in one transaction), timed from
/// the first claim to the last commit. Once with VC-JWT ES256 only (target >= 1,000/s), once with Data Integrity too.
/// Usage: <c>issuance [credentials=2000] [di-credentials=300]</c>.
/// </summary>
internal static class IssuanceBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var diCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        Console.WriteLine("| formats | credentials | batch | seconds | credentials/s | ms per credential |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        await RunOneAsync("VC-JWT ES256", count, dataIntegrity: false);
        await RunOneAsync("VC-JWT ES256 + Data Integrity eddsa-rdfc-2022", diCount, dataIntegrity: true);
        return 0;
    }

    private static async Task RunOneAsync(string label, int count, bool dataIntegrity)
    {
        var ct = CancellationToken.None;
        await using var database = await BenchDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        const int batch = 250;
        await using var harness = IssuanceHarness.Create(database, dataIntegrity: dataIntegrity, batchSize: batch);
        var platform = await new PlatformStore(database, TimeProvider.System).UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com", ClientId = "bench", Name = "Bench University (Canvas)", ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect", TokenEndpoint = "https://bench.instructure.com/login/oauth2/token",
            JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, ct);
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(database, platform.Id, IssuanceSeed.PilotDefinition(), ct);

        // Warm up: keys created, contexts loaded, code jitted (not timed).
        var warm = await IssuanceSeed.AwardsAsync(database, platform.Id, courseId, achievementId, 5, ct);
        await harness.PublishIssueAsync(platform.Id, warm, ct);
        await harness.DrainIssueAsync(ct);

        var awards = await IssuanceSeed.AwardsAsync(database, platform.Id, courseId, achievementId, count, ct);
        await harness.PublishIssueAsync(platform.Id, awards, ct);
        var watch = Stopwatch.StartNew();
        var processed = await harness.DrainIssueAsync(ct);
        watch.Stop();
        if (processed != count)
        {
            throw new InvalidOperationException($"Processed {processed} of {count} intents.");
        }

        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {count} | {batch} | {seconds:F2} | {count / seconds:F0} | {watch.Elapsed.TotalMilliseconds / count:F2} |"));
    }
}
