using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Tests.Browser.PageObjects;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Instructor;

/// <summary>The instructor defines the pilot achievement from the demo course's synced data, picking the course
/// grade, the capstone's rubric and the architecture outcome from the editor's pickers, then previews who would earn it.</summary>
public sealed class InstructorDefinesAchievementTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task Instructor_DefinesAnAchievementFromPickedItems_SavesIt_AndPreviewsTheDryRunWithAChart()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = new DemoJobs(fixture);
        await using var tab = await fixture.OpenAsync();

        // The first launch asks for the course sync; the editor picks from what it found.
        var tool = await new DemoCoursePage(tab.Page, fixture).LaunchAsInstructorAsync();
        await jobs.WaitForSyncAsync(ct);
        var editor = await AchievementEditorPage.OpenNewAsync(tool);
        await Assertions.Expect(editor.NotSyncedNotice).ToHaveCountAsync(0);

        await editor.SetNameAsync("Cloud Computing Fundamentals");
        await editor.SetWorkloadHoursAsync("45");
        await editor.SetThresholdAsync(0, "70");
        await editor.AddCriterionAsync("Rubric levels");
        await editor.PickItemAsync(1, "Capstone workshop");
        await editor.PickLevelAsync(1, "Proficient");
        await editor.AddCriterionAsync("Outcome / competency level");
        await editor.PickOutcomeAsync(2, "ARCH");
        await editor.SetThresholdAsync(2, "3");
        await tab.ScreenshotAsync("editor");
        await editor.SaveAsync();
        Assert.True(await editor.SavedMessage.IsVisibleAsync(), "Not saved: " + await editor.ProblemsAsync());

        await Assertions.Expect(editor.SavedMessage).ToContainTextAsync("Saved as a new version.");
        var id = await editor.SavedIdAsync();
        var saved = await jobs.Get<AchievementStore>().GetAsync(id, ct);
        Assert.NotNull(saved);
        Assert.Equal("Cloud Computing Fundamentals", saved.Name);
        var definition = (await jobs.Get<AchievementStore>().GetVersionAsync(id, null, ct))!.Definition;
        Assert.Contains("20010", definition, StringComparison.Ordinal);
        Assert.Contains("Proficient", definition, StringComparison.Ordinal);
        Assert.Contains("3001", definition, StringComparison.Ordinal);

        var preview = await editor.OpenPreviewAsync();
        await Assertions.Expect(preview.Learners).ToBeVisibleAsync();
        var learners = await AchievementPreviewPage.CountAsync(preview.Learners);
        var wouldEarn = await AchievementPreviewPage.CountAsync(preview.WouldEarn);
        var close = await AchievementPreviewPage.CountAsync(preview.Close);
        Assert.InRange(learners, 40, 43);
        Assert.InRange(wouldEarn, 1, learners - 1);
        Assert.InRange(close, 1, learners - wouldEarn);
        await Assertions.Expect(preview.Charts.First).ToBeVisibleAsync();
        await Assertions.Expect(preview.Charts.First).ToHaveAttributeAsync("aria-labelledby", new System.Text.RegularExpressions.Regex(@"\S"));
        await tab.ScreenshotAsync("preview");
    }
}
