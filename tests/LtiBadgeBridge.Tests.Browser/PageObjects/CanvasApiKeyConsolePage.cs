using LtiBadgeBridge.Tests.Browser.Infrastructure;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The tool's admin console as the service operator uses it for a Canvas platform: sign in with the operator
/// token, then enter the platform's Canvas API developer key.</summary>
public sealed class CanvasApiKeyConsolePage
{
    private readonly IPage page;
    private readonly DemoSite site;

    public CanvasApiKeyConsolePage(IPage page, BrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        this.page = page;
        site = fixture.Site;
    }

    public ILocator Notice => page.Locator(".admin-notice");

    /// <summary>The platform's card on the console's home.</summary>
    public ILocator PlatformCard(long platformId) => page.Locator($"article[aria-labelledby=platform-{platformId}]");

    /// <summary>Opens <c>/admin</c>, is sent to the login page, signs in with <paramref name="operatorToken"/>.</summary>
    public async Task SignInAsync(string operatorToken)
    {
        await page.GotoAsync(site.Tool("/admin").AbsoluteUri);
        await page.GetByLabel("Operator token").FillAsync(operatorToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Platforms and deployments" })).ToBeVisibleAsync();
    }

    /// <summary>From the platform's card: "Enter the Canvas API key", fill the form, save; back on the console's home.</summary>
    public async Task EnterCanvasApiKeyAsync(long platformId, string canvasUrl, string clientId, string secret)
    {
        await PlatformCard(platformId).GetByRole(AriaRole.Link, new() { Name = "Enter the Canvas API key" }).ClickAsync();
        await page.GetByLabel("Canvas URL").FillAsync(canvasUrl);
        await page.GetByLabel("Client ID").FillAsync(clientId);
        await page.GetByLabel("Client secret").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the Canvas API key" }).ClickAsync();
        await Assertions.Expect(Notice).ToContainTextAsync("The Canvas API key is saved");
    }
}
