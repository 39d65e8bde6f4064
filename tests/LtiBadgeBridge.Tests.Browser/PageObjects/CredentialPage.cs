using LtiBadgeBridge.Tests.Browser.Infrastructure;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The public verification page of a credential, <c>/credentials/{publicId}</c>, as anyone with the link sees it.</summary>
public sealed class CredentialPage
{
    private readonly IPage page;
    private readonly Uri url;

    public CredentialPage(IPage page, BrowserFixture fixture, string publicId)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        this.page = page;
        url = fixture.Site.Tool($"/credentials/{Uri.EscapeDataString(publicId)}");
    }

    /// <summary>The verification page already open in <paramref name="page"/> (e.g. a tab the learner's Verify link opened).</summary>
    public CredentialPage(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        this.page = page;
        url = new Uri(page.Url);
    }

    public async Task OpenAsync() => await page.GotoAsync(url.AbsoluteUri);

    public async Task ReloadAsync() => await page.ReloadAsync();

    /// <summary>The verdict in plain words (the page's main heading).</summary>
    public ILocator Verdict => page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 });

    public ILocator EvidenceLink(string href) => page.Locator($"a[href=\"{href}\"]");

    /// <summary>LinkedIn's add-to-profile link.</summary>
    public ILocator LinkedInLink => page.Locator("a[href^=\"https://www.linkedin.com/profile/add?\"]");

    /// <summary>The QR code of the page's own address.</summary>
    public ILocator QrCode => page.Locator("#qr svg");

    /// <summary>Whether the page fits the viewport's width (no sideways scrolling).</summary>
    public Task<bool> FitsViewportWidthAsync() =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
