using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Tests.Browser.Credentials;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Tests.Browser.PageObjects;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Accessibility;

/// <summary>axe-core on the pages people see: no serious or critical violations.</summary>
public sealed class AccessibilityTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task VerificationPage_OnAPhone_HasNoSeriousOrCriticalViolations()
    {
        var credential = await ServiceIssuance.IssuePilotAsync(fixture.Site.Service.Services, fixture.Site.Platform.Id, TestContext.Current.CancellationToken);
        await using var tab = await fixture.OpenAsync(VerificationPageTests.Phone);
        var page = new CredentialPage(tab.Page, fixture, credential.PublicId);
        await page.OpenAsync();
        await Assertions.Expect(page.Verdict).ToBeVisibleAsync();

        AssertNoSeriousViolations(await tab.Page.RunAxe());
    }

    [Theory]
    [InlineData("learner")]
    [InlineData("instructor")]
    public async Task LandingPage_AfterALaunch_HasNoSeriousOrCriticalViolations(string role)
    {
        await using var tab = await fixture.OpenAsync();
        var course = new DemoCoursePage(tab.Page, fixture);
        var tool = role == "learner" ? await course.LaunchAsLearnerAsync() : await course.LaunchAsInstructorAsync();

        // axe runs on the tool's page itself (the same URL as in the iframe, with its session token).
        await tab.Page.GotoAsync(tool.Url.AbsoluteUri);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToBeVisibleAsync();

        AssertNoSeriousViolations(await tab.Page.RunAxe());
    }

    /// <summary>The check itself can fail: a form field without a label is a critical violation.</summary>
    [Fact]
    public async Task AxeCheck_OnAPageWithAnUnlabelledInput_Fails()
    {
        await using var tab = await fixture.OpenAsync();
        await tab.Page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Form</title></head><body><main><h1>Form</h1><input type=\"text\"></main></body></html>");

        var result = await tab.Page.RunAxe();
        var failure = Assert.ThrowsAny<Exception>(() => AssertNoSeriousViolations(result));

        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
    }

    private static void AssertNoSeriousViolations(AxeResult result)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var other in result.Violations.Except(serious))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{other.Impact} {other.Id}: {other.Help} ({other.Nodes.Length} nodes)");
        }

        Assert.True(serious.Count == 0, string.Join('\n', serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} ({v.HelpUrl})\n  " + string.Join("\n  ", v.Nodes.Select(n => n.Html)))));
    }
}
