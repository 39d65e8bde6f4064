using System.Net;
using Dapper;
using Hangfire;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Gradebook;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Testing.Jobs;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Tests.Integration.Sync;
using LtiBadgeBridge.Web.Demo;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Gradebook;

/// <summary>The demo LMS's gradebook shows a badge the service issued: its AGS accepted our line item and score.</summary>
public sealed class DemoGradebookTests
{
    [Fact]
    public async Task IssuedBadge_ShowsInTheDemoGradebook()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(
            new Dictionary<string, string?> { ["Service:PublicBaseUrl"] = "https://badges.example.edu" },
            services => services.AddSingleton<IBackgroundJobClient>(new RecordingJobClient()),
            ct);
        using var toolHttp = service.CreateClient();
        await using var lms = await DemoLms.StartOnFreePortAsync(
            service.BaseUrl, TimeProvider.System, token => toolHttp.GetStringAsync(new Uri(service.BaseUrl, "/.well-known/jwks.json"), token), ct);
        var platform = await DemoCommand.RegisterAsync(service.Services, lms.Options, ct);
        var database = service.Services.GetRequiredService<Database>();
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(database, platform.Id, IssuanceSeed.PilotDefinition(), ct);
        var awardId = (await IssuanceSeed.AwardsAsync(database, platform.Id, courseId, achievementId, 1, ct))[0];
        var learner = lms.Course.Learners[0];
        await using (var connection = await database.OpenAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE courses SET ags_lineitems_url = @url WHERE id = @courseId", new { url = lms.Options.LineItemsUrl.AbsoluteUri, courseId }, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE people SET lti_user_id = @sub WHERE id = (SELECT person_id FROM awards WHERE id = @awardId)", new { sub = learner.Subject, awardId }, cancellationToken: ct));
        }

        await service.Services.GetRequiredService<OutboxStore>().EnqueueAsync(
            platform.Id, IssuanceKinds.IssueCredential, IssuanceKinds.IssueDedupeKey(awardId), IssuanceKinds.Payload(awardId), ct);
        var handlers = service.Services.GetServices<IOutboxHandler>().ToList();
        await handlers.Single(h => h.Kind == IssuanceKinds.IssueCredential).ProcessBatchAsync(ct);
        await handlers.Single(h => h.Kind == GradebookKinds.PostScore).ProcessBatchAsync(ct);

        using var browser = new HttpClient();
        using var page = await browser.GetAsync(new Uri(lms.Options.Origin, $"/courses/{PilotCourse.CourseId}/gradebook"), ct);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(ct));
        var column = Assert.Single(lms.Gradebook.LineItems);
        Assert.Equal("Cloud Computing Fundamentals", column.Label);
        Assert.Equal($"achievement:{achievementId}", column.ResourceId);
        Assert.Equal(1, lms.Gradebook.ScoreOf(column.Id, learner.Subject)!.ScoreGiven);
        Assert.Contains("<th scope=\"col\">Cloud Computing Fundamentals</th>", html, StringComparison.Ordinal);
        Assert.Contains("1 / 1 — Badge \"Cloud Computing Fundamentals\" earned. Verify it at https://badges.example.edu/credentials/", html, StringComparison.Ordinal);
    }
}
