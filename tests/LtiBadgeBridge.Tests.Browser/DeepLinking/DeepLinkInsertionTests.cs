using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Tests.Browser.PageObjects;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.DeepLinking;

/// <summary>
/// Deep Linking through the emulated Canvas: the instructor adds a badge card for the pilot achievement from the
/// course's Modules page ("+ Add item &gt; External tool"), the LMS verifies the tool's signed response and shows the
/// card in the module with its gradebook column, and a learner opening the card lands on that achievement's learner view.
/// </summary>
public sealed class DeepLinkInsertionTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private const string BadgeName = "Cloud Computing Fundamentals";

    [Fact(Timeout = 300_000)]
    public async Task Instructor_InsertsABadgeCardWithAGradebookColumn_ALearnerOpensIt_AndLandsOnThatAchievement()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = new DemoJobs(fixture);
        var course = await jobs.CourseAsync(ct);
        await ServiceIssuance.PrepareIssuerAsync(jobs.Services, jobs.PlatformId, ct);
        var saved = await jobs.Get<AchievementStore>().SaveAsync(jobs.PlatformId, course.Id, IssuanceSeed.PilotDefinition(), "cloud-computing.yaml", "test", ct);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        var achievementId = saved.Achievement!.Id;
        var pilot = fixture.Site.Lms.Course;

        // The instructor picks the badge card in the tool, opened by deep linking from the Modules page.
        await using var instructorTab = await fixture.OpenAsync();
        var modules = new DeepLinkModulesPage(instructorTab.Page, fixture);
        await modules.OpenAsync(pilot.Instructor.UserId);
        await Assertions.Expect(modules.Items).ToHaveCountAsync(0);
        var picker = await modules.AddExternalToolAsync();
        await instructorTab.ScreenshotAsync("picker");
        await modules.PickBadgeCardAsync(picker, BadgeName, gradebookColumn: true);

        // Back in the LMS: the card is in the module, with the column the tool asked for, and the gradebook has it.
        var card = modules.Item(BadgeName);
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync($"gradebook column \"{BadgeName}\"");
        await instructorTab.ScreenshotAsync("module");
        var item = Assert.Single(fixture.Site.Lms.Modules.Items);
        Assert.Equal(achievementId.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Custom["achievement_id"]);
        await instructorTab.Page.GotoAsync(new Uri(fixture.Site.LmsOrigin, $"/courses/{PilotCourse.CourseId}/gradebook").AbsoluteUri);
        await Assertions.Expect(instructorTab.Page.GetByRole(AriaRole.Columnheader, new() { Name = BadgeName, Exact = true })).ToBeVisibleAsync();

        // The instructor's launch asked for the course's first sync; a learner opens the card only once it is done.
        await jobs.WaitForSyncAsync(ct);
        await using var learnerTab = await fixture.OpenAsync();
        var learnerModules = new DeepLinkModulesPage(learnerTab.Page, fixture);
        await learnerModules.OpenAsync(pilot.Learners[0].UserId);
        await Assertions.Expect(learnerTab.Page.GetByText("+ Add item")).ToHaveCountAsync(0);
        var tool = await learnerModules.OpenItemAsync(BadgeName, $"{DemoCoursePage.LearnerLanding}/achievements/{achievementId}");
        await Assertions.Expect(tool.MainHeading).ToHaveTextAsync(BadgeName);
        Assert.StartsWith($"/lti/learner/achievements/{achievementId}", tool.Url.AbsolutePath, StringComparison.Ordinal);
        await learnerTab.ScreenshotAsync("learner");
    }
}
