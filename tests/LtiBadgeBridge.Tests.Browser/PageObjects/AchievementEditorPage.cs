using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>
/// The instructor's achievement editor inside the LMS's iframe (<c>/lti/instructor/achievements/new</c>). Criteria
/// are built from the form's pickers: the options list what the course sync found, and the test picks them by
/// their visible names, as an instructor does.
/// <code>var editor = await AchievementEditorPage.OpenNewAsync(tool); await editor.AddCriterionAsync("Rubric levels");</code>
/// </summary>
public sealed class AchievementEditorPage
{
    public const string NewPath = "/lti/instructor/achievements/new";

    private AchievementEditorPage(ToolFrame tool) => Tool = tool;

    public ToolFrame Tool { get; }

    private IFrameLocator Content => Tool.Content;

    /// <summary>Opens the empty editor in the tool's frame and waits for its form.</summary>
    public static async Task<AchievementEditorPage> OpenNewAsync(ToolFrame tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        await tool.GoToAsync(NewPath);
        await Assertions.Expect(tool.MainHeading).ToHaveTextAsync("New achievement");
        return new AchievementEditorPage(tool);
    }

    /// <summary>The notice that the course has no synced data to pick from.</summary>
    public ILocator NotSyncedNotice => Content.GetByText("The course has not been synced yet");

    /// <summary>The confirmation after a save ("Saved as a new version.").</summary>
    public ILocator SavedMessage => Content.Locator(".editor-message[role=status]");

    /// <summary>The form's error summary (nothing was saved).</summary>
    public ILocator Errors => Content.Locator(".editor-errors[role=alert]");

    /// <summary>Every inline field message and form-level error the page shows now, for a failed save's report.</summary>
    public async Task<string> ProblemsAsync() =>
        string.Join(" | ", await Content.Locator(".field-error, .editor-errors li, .field-invalid label").AllInnerTextsAsync());

    public Task SetNameAsync(string name) => Content.GetByLabel("Name (required)", new() { Exact = true }).FillAsync(name);

    public Task SetWorkloadHoursAsync(string hours) => Content.GetByLabel("Workload: total hours", new() { Exact = true }).FillAsync(hours);

    /// <summary>Criterion <paramref name="row"/> (0-based) of the form.</summary>
    public ILocator Criterion(int row) => Content.Locator($"fieldset[data-rule-row]:has(#r{row}-kind)");

    /// <summary>Adds a criterion of the kind labelled <paramref name="kindLabel"/> (e.g. "Rubric levels") and waits for its row.</summary>
    public async Task AddCriterionAsync(string kindLabel)
    {
        var rows = await Content.Locator("fieldset[data-rule-row]").CountAsync();
        await Content.Locator("#f-addkind").SelectOptionAsync(new SelectOptionValue { Label = kindLabel });
        await Content.GetByRole(AriaRole.Button, new() { Name = "Add criterion" }).ClickAsync();
        await Assertions.Expect(Content.Locator($"#r{rows}-kind")).ToBeVisibleAsync();
        await Assertions.Expect(Content.Locator($"#r{rows}-kind option:checked")).ToHaveTextAsync(kindLabel);
    }

    /// <summary>Picks the course item whose name contains <paramref name="name"/> for criterion <paramref name="row"/>.</summary>
    public Task PickItemAsync(int row, string name) => PickAsync($"#r{row}-item", name);

    /// <summary>Picks the outcome whose name contains <paramref name="name"/> for criterion <paramref name="row"/>.</summary>
    public Task PickOutcomeAsync(int row, string name) => PickAsync($"#r{row}-outcome", name);

    /// <summary>Picks the lowest passing level (rubric or outcome) named <paramref name="level"/>.</summary>
    public Task PickLevelAsync(int row, string level) =>
        Content.Locator($"#r{row}-level").SelectOptionAsync(new SelectOptionValue { Label = level });

    public Task SetThresholdAsync(int row, string threshold) => Content.Locator($"#r{row}-threshold").FillAsync(threshold);

    /// <summary>Saves the form — "Publish" for a new achievement or a draft, "Save achievement" for a published one — and waits for the confirmation (or the error summary, which the caller asserts on).</summary>
    public async Task SaveAsync()
    {
        await Content.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Publish|Save achievement)$") }).ClickAsync();
        await Assertions.Expect(SavedMessage.Or(Errors)).ToBeVisibleAsync();
    }

    /// <summary>Follows the saved page's "Preview who would earn it" link.</summary>
    public async Task<AchievementPreviewPage> OpenPreviewAsync()
    {
        await Content.GetByRole(AriaRole.Link, new() { Name = "Preview who would earn it" }).ClickAsync();
        await Assertions.Expect(Tool.MainHeading).ToHaveTextAsync(new Regex("^Preview: "));
        return new AchievementPreviewPage(Tool);
    }

    /// <summary>The achievement's id, read from the saved page's address (<c>/lti/instructor/achievements/{id}</c>).</summary>
    public async Task<long> SavedIdAsync()
    {
        var href = await Content.Locator("html").EvaluateAsync<string>("e => e.ownerDocument.location.pathname");
        var match = Regex.Match(href, @"/lti/instructor/achievements/(\d+)");
        Assert.True(match.Success, $"The saved page is at {href}, not an achievement's page.");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task PickAsync(string selector, string name)
    {
        var select = Content.Locator(selector);
        var option = select.Locator("option", new() { HasText = name });
        await Assertions.Expect(option).ToHaveCountAsync(1);
        var value = await option.GetAttributeAsync("value");
        await select.SelectOptionAsync(value!);
    }
}
