using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The demo Moodle's Site administration › Server › Web services › Manage tokens: the service user's token.</summary>
public sealed class MoodleTokensPage
{
    private readonly IPage page;

    private MoodleTokensPage(IPage page) => this.page = page;

    public static async Task<MoodleTokensPage> OpenAsync(IPage page, Uri url)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(url);
        await page.GotoAsync(url.AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manage tokens", Level = 1 })).ToBeVisibleAsync();
        return new MoodleTokensPage(page);
    }

    public Task<string> TokenAsync() => page.Locator("#ws-token").InnerTextAsync();

    public Task<string> SiteUrlAsync() => page.Locator("#ws-site").InnerTextAsync();
}
