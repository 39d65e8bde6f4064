using System.Diagnostics;
using System.Globalization;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Issuance;
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
        CpuBreakdown(Math.Min(count, 2000));
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
        var stages = harness.Get<LtiBadgeBridge.Issuance.CredentialIssuer>().Stages;
        stages.Reset();
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
        var other = watch.Elapsed - stages.Load - stages.Prepare - stages.Sign - stages.Store;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  stages over {stages.Batches} batches (ms): claim+other {other.TotalMilliseconds:F0}, load {stages.Load.TotalMilliseconds:F0}, prepare {stages.Prepare.TotalMilliseconds:F0}, build+sign {stages.Sign.TotalMilliseconds:F0}, insert+commit {stages.Store.TotalMilliseconds:F0}"));
    }

    /// <summary>Single-threaded CPU per credential, by step (no database): map the award, build the JSON, sign the VC-JWT.</summary>
    private static void CpuBreakdown(int count)
    {
        var settings = new IssuanceSettings { PublicBaseUrl = new Uri("https://badges.example.edu/") };
        var issuer = new IssuerProfile { Id = settings.IssuerDid(1), ProfileUrl = settings.IssuerUrl(1), Name = "Bench University" };
        var key = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-1");
        using var signer = new VcJwtSigner();
        var definition = IssuanceSeed.PilotDefinition();
        var documents = new Dictionary<string, Rules.Definitions.AchievementDocument>(StringComparer.Ordinal);
        long map = 0, build = 0, sign = 0, serialize = 0, ecdsa = 0, bytes = 0;
        using var ec = System.Security.Cryptography.ECDsa.Create();
        ec.ImportPkcs8PrivateKey(key.PrivateKey.Span, out _);
        for (var i = -50; i < count; i++)
        {
            var award = new AwardRow
            {
                AwardId = i, PlatformId = 1, AchievementId = 1, RuleVersion = 1, State = "earned", LtiUserId = "sub-" + i.ToString(CultureInfo.InvariantCulture),
                Email = $"learner{i}@example.edu", Definition = definition, Result = IssuanceSeed.PilotResults, Evidence = IssuanceSeed.PilotEvidence,
                EarnedAt = new DateTimeOffset(2026, 6, 15, 14, 30, 0, TimeSpan.Zero),
            };
            var t0 = Stopwatch.GetTimestamp();
            var (input, _) = AwardCredentialMapper.Map(award, issuer, settings, new StatusListEntry { StatusListCredential = settings.StatusListUrl(1, 1), Index = i + 50 },
                IdentityHash.NewSalt(), text => documents.TryGetValue(text, out var d) ? d : documents[text] = Rules.Definitions.AchievementDefinitionReader.Read(text));
            var t1 = Stopwatch.GetTimestamp();
            var credential = OpenBadgeCredentialBuilder.Build(input!);
            var t2 = Stopwatch.GetTimestamp();
            _ = signer.SignAsync(credential, issuer.Id, key, CancellationToken.None).AsTask().Result.Jwt;
            var t3 = Stopwatch.GetTimestamp();
            var utf8 = System.Text.Encoding.UTF8.GetBytes(credential.ToJsonString());
            var t4 = Stopwatch.GetTimestamp();
            ec.SignData(utf8, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            var t5 = Stopwatch.GetTimestamp();
            if (i >= 0)
            {
                map += t1 - t0;
                build += t2 - t1;
                sign += t3 - t2;
                serialize += t4 - t3;
                ecdsa += t5 - t4;
                bytes += utf8.Length;
            }
        }

        double Us(long ticks) => Stopwatch.GetElapsedTime(0, ticks).TotalMicroseconds / count;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU per credential, one thread (us): map {Us(map):F0}, build {Us(build):F0}, VC-JWT serialize+sign {Us(sign):F0} (of which: JSON text {Us(serialize):F0}, ECDSA P-256 sign {Us(ecdsa):F0}); credential {bytes / count} bytes"));
    }
}
