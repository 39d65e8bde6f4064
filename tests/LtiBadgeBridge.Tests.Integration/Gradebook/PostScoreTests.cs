using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Gradebook;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LtiBadgeBridge.Tests.Integration.Gradebook;

/// <summary>Badges back in the LMS gradebook: <c>post-score</c> published with issuance and revocation, delivered once
/// to the achievement's AGS line item (found or created once), refused deliveries reported and not retried.</summary>
public sealed class PostScoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PlatformFlavour.Canvas)]
    [InlineData(PlatformFlavour.Moodle)]
    public async Task IssuedBadge_PostsExactlyOneFullScoreWithTheVerifyUrl_OnALineItemCreatedOnce(PlatformFlavour flavour)
    {
        await using var harness = await GradebookHarness.StartAsync(flavour);
        var (first, second) = (harness.AwardIds[0], harness.AwardIds[1]);

        await harness.IssueAsync(first);
        var queued = await harness.Service.Services.GetRequiredService<OutboxStore>().FindAsync(GradebookKinds.DedupeKey(first, GradebookKinds.Issued), Cancel);
        Assert.NotNull(queued);
        Assert.Equal(GradebookKinds.PostScore, queued.Kind);
        Assert.Contains(harness.Jobs.Created, j => j.Args.Contains(GradebookKinds.PostScore));
        Assert.Equal(1, await harness.PostScoresAsync());
        Assert.Equal(0, await harness.PostScoresAsync());

        // A redelivery (the worker died after posting, before the message was marked) posts nothing more.
        await harness.ExecuteAsync("UPDATE outbox SET processed_at = NULL WHERE id = @id", new { id = queued.Id });
        Assert.Equal(1, await harness.PostScoresAsync());

        var (lineItem, score) = Assert.Single(harness.Platform.Scores);
        var publicId = (await harness.Service.Services.GetRequiredService<CredentialStore>().FindByAwardAsync(first, Cancel))!.PublicId;
        Assert.Equal(1, score["scoreGiven"]!.GetValue<double>());
        Assert.Equal(1, score["scoreMaximum"]!.GetValue<double>());
        Assert.Equal("Completed", score["activityProgress"]!.GetValue<string>());
        Assert.Equal("FullyGraded", score["gradingProgress"]!.GetValue<string>());
        Assert.Contains($"{GradebookHarness.BaseUrl}/credentials/{publicId}", score["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(await harness.QuerySingleAsync<string>("SELECT p.lti_user_id FROM awards a JOIN people p ON p.id = a.person_id WHERE a.id = @first", new { first }), score["userId"]!.GetValue<string>());
        Assert.Equal(1, harness.Requests("POST", "/lineitems") + harness.Requests("POST", "/line_items"));
        var created = JsonNode.Parse(harness.Platform.Server.LogEntries.Single(e => e.RequestMessage.Method == "POST" && !e.RequestMessage.Path.EndsWith("/scores", StringComparison.Ordinal) && e.RequestMessage.Path.Contains("line", StringComparison.Ordinal)).RequestMessage.Body!)!;
        Assert.Equal($"achievement:{harness.AchievementId}", created["resourceId"]!.GetValue<string>());
        Assert.Equal(GradebookKinds.LineItemTag, created["tag"]!.GetValue<string>());
        Assert.Equal(1, created["scoreMaximum"]!.GetValue<double>());

        // The second learner's badge goes to the same, remembered line item.
        await harness.IssueAsync(second);
        Assert.Equal(1, await harness.PostScoresAsync());
        Assert.Equal(2, harness.Platform.Scores.Count);
        Assert.All(harness.Platform.Scores, s => Assert.Equal(lineItem, s.LineItem));
        Assert.Equal(1, harness.Requests("POST", "/lineitems") + harness.Requests("POST", "/line_items"));
    }

    [Fact]
    public async Task RevokedBadge_PostsZeroWithARevokedComment_AndALaterTimestamp()
    {
        await using var harness = await GradebookHarness.StartAsync(PlatformFlavour.Canvas, awards: 1);
        var award = harness.AwardIds[0];
        await harness.IssueAsync(award);
        await harness.PostScoresAsync();

        var revoked = await harness.Service.Services.GetRequiredService<CredentialRevoker>().RevokeByAwardAsync(award, "instructor:7", "Academic misconduct", Cancel);
        Assert.Equal(1, await harness.PostScoresAsync());
        Assert.Equal(0, await harness.PostScoresAsync());

        Assert.Equal(RevocationResult.Revoked, revoked.Code);
        var scores = harness.Platform.Scores.Select(s => s.Score).ToList();
        Assert.Equal(2, scores.Count);
        Assert.Equal(0, scores[1]["scoreGiven"]!.GetValue<double>());
        Assert.Equal(1, scores[1]["scoreMaximum"]!.GetValue<double>());
        Assert.Contains("revoked", scores[1]["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Academic misconduct", scores[1]["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        var issuedAt = DateTimeOffset.Parse(scores[0]["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var revokedAt = DateTimeOffset.Parse(scores[1]["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(revokedAt > issuedAt, $"{revokedAt:O} should follow {issuedAt:O}");
    }

    [Theory]
    [InlineData(PlatformFlavour.Canvas, 401)]
    [InlineData(PlatformFlavour.Moodle, 403)]
    public async Task RefusedByTheGradebook_IsReportedOnce_NotRetried(PlatformFlavour flavour, int status)
    {
        await using var harness = await GradebookHarness.StartAsync(flavour, awards: 1);
        var award = harness.AwardIds[0];
        harness.Platform.Server.Given(Request.Create().WithPath(new WildcardMatcher("*/scores")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"errors":[{"message":"refused"}]}"""));
        await harness.IssueAsync(award);

        Assert.Equal(1, await harness.PostScoresAsync());
        var attempts = harness.Requests("POST", "/scores");
        Assert.Equal(0, await harness.PostScoresAsync());

        Assert.InRange(attempts, 1, 2); // a 401 earns one fresh token, nothing more
        var message = (await harness.Service.Services.GetRequiredService<OutboxStore>().FindAsync(GradebookKinds.DedupeKey(award, GradebookKinds.Issued), Cancel))!;
        Assert.NotNull(message.ProcessedAt);
        Assert.StartsWith(GradebookErrorCodes.Refused, message.LastError, StringComparison.Ordinal);
        Assert.Equal(ScoreStates.Failed, await harness.QuerySingleAsync<string>("SELECT state FROM gradebook_scores WHERE award_id = @award", new { award }));
        var summary = await harness.Service.Services.GetRequiredService<GradebookStore>().SummaryAsync(harness.CourseId, Cancel);
        Assert.Equal(1, summary.Failed);
        Assert.Contains(GradebookErrorCodes.Refused, summary.LastProblem, StringComparison.Ordinal);
        Assert.Equal(attempts, harness.Requests("POST", "/scores"));
    }

    [Fact]
    public async Task LearnerKnownOnlyFromTheLmsApi_WaitsForTheirLaunch_ThenScoresUnderTheirLtiUserId()
    {
        await using var harness = await GradebookHarness.StartAsync(PlatformFlavour.Canvas, awards: 1);
        var award = harness.AwardIds[0];
        await harness.ExecuteAsync(
            "UPDATE people SET lti_user_id = 'lms:canvas:4242', lms_user_id = '4242' WHERE id = (SELECT person_id FROM awards WHERE id = @award)", new { award });
        await harness.IssueAsync(award);

        Assert.Equal(1, await harness.PostScoresAsync());
        var waiting = (await harness.Service.Services.GetRequiredService<OutboxStore>().FindAsync(GradebookKinds.DedupeKey(award, GradebookKinds.Issued), Cancel))!;
        Assert.Null(waiting.ProcessedAt);
        Assert.StartsWith(GradebookErrorCodes.LearnerUnknown, waiting.LastError, StringComparison.Ordinal);
        Assert.Empty(harness.Platform.Scores);

        // The learner opens the tool: the launch records their LTI user id next to the LMS id.
        await harness.ExecuteAsync(
            "INSERT INTO people (platform_id, lti_user_id, lms_user_id, created_at, updated_at) VALUES (@platformId, 'sub-launched-4242', '4242', @now, @now)",
            new { platformId = harness.PlatformId, now = TimeProvider.System.GetUtcNow() });
        await harness.ExecuteAsync("UPDATE outbox SET available_at = @now WHERE id = @id", new { id = waiting.Id, now = TimeProvider.System.GetUtcNow().AddSeconds(-1) });
        Assert.Equal(1, await harness.PostScoresAsync());

        var (_, score) = Assert.Single(harness.Platform.Scores);
        Assert.Equal("sub-launched-4242", score["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task CourseWithoutAgs_IsSkippedWithAReason_WithoutCallingThePlatform()
    {
        await using var harness = await GradebookHarness.StartAsync(PlatformFlavour.Canvas, withAgs: false, awards: 1);
        var award = harness.AwardIds[0];
        await harness.IssueAsync(award);

        Assert.Equal(1, await harness.PostScoresAsync());

        Assert.Empty(harness.Platform.Server.LogEntries);
        Assert.Equal(ScoreStates.Skipped, await harness.QuerySingleAsync<string>("SELECT state FROM gradebook_scores WHERE award_id = @award", new { award }));
        var message = (await harness.Service.Services.GetRequiredService<OutboxStore>().FindAsync(GradebookKinds.DedupeKey(award, GradebookKinds.Issued), Cancel))!;
        Assert.NotNull(message.ProcessedAt);
        Assert.StartsWith(GradebookErrorCodes.NoAgs, message.LastError, StringComparison.Ordinal);
    }
}
