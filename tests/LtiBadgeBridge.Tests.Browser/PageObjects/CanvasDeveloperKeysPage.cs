using LtiBadgeBridge.Tests.Browser.Infrastructure;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>
/// The emulated Canvas's "Admin &gt; Developer Keys": "+ LTI Registration" runs the tool's dynamic registration in an
/// iframe (which closes itself with <c>org.imsglobal.lti.close</c>), the LTI key's ON/OFF switch, and the API key to copy.
/// </summary>
public sealed class CanvasDeveloperKeysPage
{
    private const float RegistrationTimeoutMs = 60_000;

    private readonly IPage page;
    private readonly DemoSite site;

    public CanvasDeveloperKeysPage(IPage page, BrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        this.page = page;
        site = fixture.Site;
    }

    public ILocator LtiKeyState => page.Locator("#lti-key-state");

    public ILocator NoLtiKey => page.GetByText("No LTI key yet.");

    public ILocator RegistrationNotice => page.Locator("#registration-notice");

    public async Task OpenAsync() => await page.GotoAsync(new Uri(site.LmsOrigin, "/accounts/1/developer_keys").AbsoluteUri);

    /// <summary>"+ LTI Registration" with the tool's registration URL (pre-filled); waits for the tool's page in the dialog
    /// to say it is registered and for the LMS to come back to the Developer Keys page when the tool closes the dialog.</summary>
    public async Task<string> RegisterToolAsync()
    {
        var registrationUrl = await page.GetByLabel("Tool's registration URL").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/developer_keys?registered=1", StringComparison.Ordinal), new() { Timeout = RegistrationTimeoutMs });
        return registrationUrl;
    }

    public async Task TurnOnAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn ON" }).ClickAsync();
        await Assertions.Expect(LtiKeyState).ToHaveTextAsync("ON");
    }

    /// <summary>The REST API developer key as the page shows it: Canvas URL, client id, secret.</summary>
    public async Task<(string CanvasUrl, string ClientId, string Secret)> ApiKeyAsync() =>
        (await page.Locator("#api-canvas-url").InnerTextAsync(), await page.Locator("#api-client-id").InnerTextAsync(), await page.Locator("#api-client-secret").InnerTextAsync());
}
