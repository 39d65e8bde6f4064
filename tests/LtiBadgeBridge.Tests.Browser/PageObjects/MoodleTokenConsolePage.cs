using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The badge service's admin console as the operator uses it for a Moodle platform: sign in with the operator
/// token, then set the platform's Moodle web service token on its card (checked by the service, then saved).</summary>
public sealed class MoodleTokenConsolePage
{
    private readonly IPage page;

    private MoodleTokenConsolePage(IPage page) => this.page = page;

    /// <summary>Signs in at <c>/admin/login</c> and lands on the console's platform list.</summary>
    public static async Task<MoodleTokenConsolePage> SignInAsync(IPage page, Uri toolOrigin, string operatorToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(toolOrigin, "/admin/login").AbsoluteUri);
        await page.GetByLabel("Operator token").FillAsync(operatorToken);
        await page.GetByLabel("Operator token").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Platforms and deployments", Level = 1 })).ToBeVisibleAsync();
        return new MoodleTokenConsolePage(page);
    }

    /// <summary>The form of the Moodle platform's card.</summary>
    public ILocator TokenForm => page.Locator("form[aria-label^=\"Moodle web service token\"]");

    public ILocator Notice => page.Locator(".admin-notice[role=status]");

    /// <summary>Fills the token (and the site URL when given) and saves; waits for the console's notice.</summary>
    public async Task SaveTokenAsync(string token, string? siteUrl = null)
    {
        await Assertions.Expect(TokenForm).ToHaveCountAsync(1);
        if (siteUrl is not null)
        {
            await TokenForm.GetByLabel("Moodle site URL").FillAsync(siteUrl);
        }

        await TokenForm.GetByLabel("Token", new() { Exact = false }).FillAsync(token);
        await TokenForm.GetByRole(AriaRole.Button, new() { Name = "Save and check the token" }).ClickAsync();
        await Assertions.Expect(Notice).ToBeVisibleAsync();
    }
}
