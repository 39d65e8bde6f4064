using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>
/// The demo Moodle's Site administration › Manage tools: "Add LTI Advantage" opens the tool's registration page in a
/// dialog (dynamic registration); when the tool posts <c>org.imsglobal.lti.close</c> the list shows it pending, with
/// an Activate button.
/// <code>var tools = await MoodleManageToolsPage.OpenAsync(page, site); await tools.RegisterAsync(); await tools.ActivateAsync();</code>
/// </summary>
public sealed class MoodleManageToolsPage
{
    private readonly IPage page;

    private MoodleManageToolsPage(IPage page) => this.page = page;

    public static async Task<MoodleManageToolsPage> OpenAsync(IPage page, Uri url)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(url);
        await page.GotoAsync(url.AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manage tools", Level = 1 })).ToBeVisibleAsync();
        return new MoodleManageToolsPage(page);
    }

    /// <summary>The row of a registered tool (the first; the demo registers one).</summary>
    public ILocator ToolRow => page.Locator("tr[data-typeid]").First;

    /// <summary>The registration URL the admin gives Moodle (prefilled with the demo tool's).</summary>
    public ILocator ToolUrl => page.GetByLabel("Tool URL");

    /// <summary>Clicks "Add LTI Advantage" and waits until the dialog closed and the tool is listed as pending.</summary>
    public async Task RegisterAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add LTI Advantage" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("It is pending until you activate it");
        await Assertions.Expect(ToolRow).ToContainTextAsync("Pending");
    }

    /// <summary>Clicks Activate on the pending tool and waits for it to read Active.</summary>
    public async Task ActivateAsync()
    {
        await ToolRow.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
        await Assertions.Expect(ToolRow).ToContainTextAsync("Active");
    }
}
