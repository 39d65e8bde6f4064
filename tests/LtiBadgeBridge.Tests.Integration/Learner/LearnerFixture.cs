using System.Net;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.LtiWeb;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Learner;

/// <summary>
/// One service and an emulated Canvas course with two learners who launched. Learner 1 (Ada, user-1) earned
/// "Cloud Deployment" (credential issued for real) and is at 64 % of 70 % on "Cloud Architecture"; learner 2
/// (user-2) earned "Cloud Architecture", waits for approval of "Cloud Security" and had "Cloud Operations" revoked.
/// </summary>
public class LearnerFixture : IAsyncLifetime
{
    internal LtiWebHost Host { get; private set; } = null!;

    public long CourseId { get; private set; }
    public long LearnerId { get; private set; }
    public long OtherLearnerId { get; private set; }
    public long EarnedAchievementId { get; private set; }
    public long ProgressAchievementId { get; private set; }
    public long PendingAchievementId { get; private set; }
    public long RevokedAchievementId { get; private set; }
    public long ForeignAchievementId { get; private set; }
    public string LearnerToken { get; private set; } = "";
    public string OtherLearnerToken { get; private set; } = "";
    public string LearnerPublicId { get; private set; } = "";
    public string OtherLearnerPublicId { get; private set; } = "";

    public Database Database => Host.Service.Services.GetRequiredService<Database>();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = await SettingsAsync(ct);
        settings["Issuance:SchemaDirectory"] = TestVectors.Path("ob3", "schema");
        Host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas, settings: settings);
        var services = Host.Service.Services;
        services.GetRequiredService<ContextCache>().ImportDirectory(TestVectors.Path("ob3", "contexts"));

        LearnerToken = await LaunchAsync("user-1");
        OtherLearnerToken = await LaunchAsync("user-2");
        var courses = services.GetRequiredService<CourseStore>();
        var platformId = Host.Registration.Id;
        CourseId = (await courses.FindAsync(platformId, Host.Platform.CourseId, ct))!.Id;
        LearnerId = (await courses.FindPersonAsync(platformId, "user-1", ct))!.Id;
        OtherLearnerId = (await courses.FindPersonAsync(platformId, "user-2", ct))!.Id;

        EarnedAchievementId = await LearnerSeed.AchievementAsync(Database, platformId, CourseId, "Cloud Deployment", ct);
        ProgressAchievementId = await LearnerSeed.AchievementAsync(Database, platformId, CourseId, "Cloud Architecture", ct);
        PendingAchievementId = await LearnerSeed.AchievementAsync(Database, platformId, CourseId, "Cloud Security", ct);
        RevokedAchievementId = await LearnerSeed.AchievementAsync(Database, platformId, CourseId, "Cloud Operations", ct);
        var (_, foreign) = await LtiBadgeBridge.Testing.Issuance.IssuanceSeed.AchievementAsync(Database, platformId, LtiBadgeBridge.Testing.Issuance.IssuanceSeed.PilotDefinition(), ct);
        ForeignAchievementId = foreign;

        var mine = await LearnerSeed.AwardAsync(Database, platformId, CourseId, EarnedAchievementId, LearnerId, "earned", ct);
        await LearnerSeed.DecisionAsync(Database, platformId, CourseId, ProgressAchievementId, LearnerId, ct);
        var theirs = await LearnerSeed.AwardAsync(Database, platformId, CourseId, ProgressAchievementId, OtherLearnerId, "earned", ct);
        await LearnerSeed.AwardAsync(Database, platformId, CourseId, PendingAchievementId, OtherLearnerId, "pending_approval", ct);
        var revoked = await LearnerSeed.AwardAsync(Database, platformId, CourseId, RevokedAchievementId, OtherLearnerId, "earned", ct);
        await LearnerSeed.RevokeAsync(Database, revoked, "submitted work was not their own", ct);

        var outbox = services.GetRequiredService<OutboxStore>();
        foreach (var awardId in new[] { mine, theirs })
        {
            await outbox.EnqueueAsync(platformId, IssuanceKinds.IssueCredential, IssuanceKinds.IssueDedupeKey(awardId), IssuanceKinds.Payload(awardId), ct);
        }

        // The service's own dispatcher may take the intents first: process until both credentials exist.
        var handler = services.GetServices<IOutboxHandler>().Single(h => h.Kind == IssuanceKinds.IssueCredential);
        var credentials = services.GetRequiredService<CredentialStore>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await handler.ProcessBatchAsync(ct);
            if (await credentials.FindByAwardAsync(mine, ct) is { } my && await credentials.FindByAwardAsync(theirs, ct) is { } their)
            {
                LearnerPublicId = my.PublicId;
                OtherLearnerPublicId = their.PublicId;
                return;
            }

            await Task.Delay(100, ct);
        }

        throw new InvalidOperationException("The seeded awards were not issued.");
    }

    /// <summary>A full launch as <paramref name="subject"/> (with extra custom parameters); returns the launch response.</summary>
    internal async Task<HttpResponseMessage> LaunchResponseAsync(string subject, string role = LtiConstants.Roles.Learner, JsonObject? custom = null)
    {
        Host.Platform.LaunchClaimsFactory = (nonce, uri) =>
        {
            var claims = Host.Platform.ResourceLinkClaims(nonce, uri, role, subject);
            if (custom is not null)
            {
                claims[LtiConstants.Claims.Custom] = custom.DeepClone();
            }

            return claims;
        };
        try
        {
            using var browser = Host.Browser(new CookieContainer());
            return await Host.LaunchAsync(browser);
        }
        finally
        {
            Host.Platform.LaunchClaimsFactory = null;
        }
    }

    /// <summary>Settings of the service (the database); the embedded SQLite default here.</summary>
    protected virtual Task<Dictionary<string, string?>> SettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new Dictionary<string, string?>());

    /// <summary>A fresh browser without cookies: the session comes from <c>s=</c> alone.</summary>
    public HttpClient Browser() => Host.Browser(new CookieContainer());

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<string> LaunchAsync(string subject)
    {
        var launch = await LaunchResponseAsync(subject);
        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        var location = launch.Headers.Location!.OriginalString;
        return Uri.UnescapeDataString(location[(location.IndexOf("?s=", StringComparison.Ordinal) + 3)..]);
    }
}
