using System.Text.Json.Nodes;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Credentials;

/// <summary>The public verification page renders the criteria narrative's Markdown safely; the credential keeps it as written.</summary>
public sealed class CriteriaNarrativePageTests
{
    private const string Narrative =
        "Earn **at least 70 %** and:\n\n- reach *Proficient* on the capstone rubric\n- submit the [capstone repository](https://github.com/example/capstone)\n\n<script>alert(1)</script> [bad](javascript:alert(1))\n";

    [Fact]
    public async Task VerificationPage_MarkdownNarrative_ShowsListAndSafeLinkAndKeepsTheCredentialText()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken: ct);
        var platform = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.example.edu", ClientId = "narrative", Name = "Example College", ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = "https://canvas.example.edu/api/lti/authorize_redirect", TokenEndpoint = "https://canvas.example.edu/login/oauth2/token",
            JwksUri = "https://canvas.example.edu/api/lti/security/jwks",
        }, ct);
        var definition = WithCriteria(IssuanceSeed.PilotDefinition(), Narrative);
        var record = await ServiceIssuance.IssueAsync(service.Services, platform.Id, definition, ct);
        var client = service.CreateClient();

        var page = await client.GetStringAsync($"/credentials/{record.PublicId}", ct);
        var json = JsonNode.Parse(await client.GetStringAsync($"/credentials/{record.PublicId}.json", ct))!;

        var criteria = Section(page, "<div class=\"criteria narrative\" id=\"criteria\">", "</div>");
        Assert.Contains("<strong>at least 70 %</strong>", criteria, StringComparison.Ordinal);
        Assert.Contains("<li>reach <em>Proficient</em> on the capstone rubric</li>", criteria, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://github.com/example/capstone\" rel=\"nofollow noopener\">capstone repository</a>", criteria, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", criteria, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.StartsWith(Narrative.TrimEnd('\n'), (string?)json["credentialSubject"]!["achievement"]!["criteria"]!["narrative"], StringComparison.Ordinal);
    }

    private static string WithCriteria(string yaml, string narrative)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("criteria:", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.Length > 0 && !l.StartsWith(' '));
        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, ["criteria: |", .. narrative.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? string.Empty : "  " + l)]);
        return string.Join('\n', lines);
    }

    private static string Section(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "the page has no criteria section");
        var to = page.IndexOf(end, from, StringComparison.Ordinal);
        return page[from..to];
    }
}
