using System.Globalization;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>
/// The demo Moodle's course as its people use it: the "Badges" external tool activity opens in Moodle's page with the
/// tool in an iframe (login initiation, <c>mod/lti/auth.php</c>, launch POST), and the grader report lists the
/// tool's columns.
/// <code>var tool = await new MoodleCoursePage(page, toolOrigin, moodleRoot).LaunchAsync(userId, DemoCoursePage.InstructorLanding);</code>
/// </summary>
public sealed class MoodleCoursePage(IPage page, Uri toolOrigin, string wwwRoot)
{
    /// <summary>How long a whole launch (four documents) may take on a busy machine.</summary>
    private const float LaunchTimeoutMs = 60_000;

    public Uri ActivityUrl(long userId) => new($"{wwwRoot}/mod/lti/view.php?id=90&as={userId.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Opens the activity as <paramref name="userId"/> and waits until the tool's iframe shows a page under <paramref name="landingPath"/>.</summary>
    public async Task<ToolFrame> LaunchAsync(long userId, string landingPath)
    {
        ArgumentNullException.ThrowIfNull(toolOrigin);
        var landing = toolOrigin.GetLeftPart(UriPartial.Authority) + landingPath;
        var landed = page.WaitForResponseAsync(
            r => r.Request.IsNavigationRequest && r.Url.StartsWith(landing, StringComparison.Ordinal),
            new PageWaitForResponseOptions { Timeout = LaunchTimeoutMs });
        await page.GotoAsync(ActivityUrl(userId).AbsoluteUri);
        await landed;
        var heading = page.FrameLocator(ToolFrame.Selector).Locator("h1");
        await Assertions.Expect(heading.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = LaunchTimeoutMs });
        var url = await heading.First.EvaluateAsync<string>("h => h.ownerDocument.location.href");
        return new ToolFrame(page, new Uri(url));
    }

    /// <summary>Opens the grader report; returns the cell of <paramref name="sortableName"/>'s row in the column <paramref name="column"/>.</summary>
    public async Task<ILocator> OpenGradeAsync(string sortableName, string column)
    {
        await page.GotoAsync($"{wwwRoot}/grade/report/grader/index.php?id=2");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grader report", Level = 1 })).ToBeVisibleAsync();
        var headers = await page.Locator("thead th").AllInnerTextsAsync();
        var index = headers.ToList().IndexOf(column);
        Assert.True(index > 0, $"The grader report has no column \"{column}\" (columns: {string.Join(", ", headers)}).");
        return page.Locator("tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = sortableName, Exact = true }) }).Locator("th, td").Nth(index);
    }
}
