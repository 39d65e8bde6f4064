using System.Globalization;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>
/// The demo LMS's Modules page of the course: its items, "+ Add item &gt; External tool" (a deep linking launch of the
/// tool in the LMS's iframe, whose picker <see cref="PickBadgeCardAsync"/> drives) and opening an item as someone.
/// <code>var modules = new DeepLinkModulesPage(tab.Page, fixture); await modules.OpenAsync(instructorId);</code>
/// </summary>
public sealed class DeepLinkModulesPage
{
    private const float LaunchTimeoutMs = 60_000;

    private readonly IPage page;
    private readonly DemoSite site;

    public DeepLinkModulesPage(IPage page, BrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        this.page = page;
        site = fixture.Site;
    }

    public Uri Url(long userId) => new(site.LmsOrigin, $"/courses/{PilotCourse.CourseId}/modules?as={userId.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The module's items (one list entry each).</summary>
    public ILocator Items => page.Locator("li.module-item");

    /// <summary>The module item titled <paramref name="title"/>.</summary>
    public ILocator Item(string title) => Items.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public async Task OpenAsync(long userId) => await page.GotoAsync(Url(userId).AbsoluteUri);

    /// <summary>"+ Add item", External tool, Badges: the tool's deep linking picker opens in the LMS's iframe; returns its content.</summary>
    public async Task<IFrameLocator> AddExternalToolAsync()
    {
        await page.GetByText("+ Add item").ClickAsync();
        await page.GetByLabel("Add", new() { Exact = true }).SelectOptionAsync("external_tool");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Badges", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the tool" }).ClickAsync();
        var picker = page.FrameLocator(ToolFrame.Selector);
        await Assertions.Expect(picker.GetByRole(AriaRole.Heading, new() { Name = "Add badges to your course" }))
            .ToBeVisibleAsync(new() { Timeout = LaunchTimeoutMs });
        return picker;
    }

    /// <summary>In the picker: ticks the badge card <paramref name="badgeName"/> (and the gradebook column), inserts it,
    /// and waits until the LMS shows its Modules page again.</summary>
    public async Task PickBadgeCardAsync(IFrameLocator picker, string badgeName, bool gradebookColumn)
    {
        ArgumentNullException.ThrowIfNull(picker);
        await picker.GetByLabel(badgeName, new() { Exact = true }).CheckAsync();
        if (gradebookColumn)
        {
            await picker.GetByLabel("Also create a gradebook column for each badge").CheckAsync();
        }

        await picker.GetByRole(AriaRole.Button, new() { Name = "Insert the badge cards" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/modules?as=", StringComparison.Ordinal), new() { Timeout = LaunchTimeoutMs });
    }

    /// <summary>Opens the item titled <paramref name="title"/> and waits until the tool's iframe shows a page under
    /// <paramref name="landingPath"/>; returns the tool's frame.</summary>
    public async Task<ToolFrame> OpenItemAsync(string title, string landingPath)
    {
        var landing = site.ToolOrigin.GetLeftPart(UriPartial.Authority) + landingPath;
        var landed = page.WaitForResponseAsync(
            r => r.Request.IsNavigationRequest && r.Url.StartsWith(landing, StringComparison.Ordinal),
            new PageWaitForResponseOptions { Timeout = LaunchTimeoutMs });
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await landed;
        var heading = page.FrameLocator(ToolFrame.Selector).Locator("h1");
        await Assertions.Expect(heading.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = LaunchTimeoutMs });
        var url = await heading.First.EvaluateAsync<string>("h => h.ownerDocument.location.href");
        return new ToolFrame(page, new Uri(url));
    }
}
