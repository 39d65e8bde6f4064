using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Tests.Browser.PageObjects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Credentials;

/// <summary>The public verification page of a pilot credential on a phone: verified in plain words with its
/// evidence, LinkedIn and QR code; revoked after the issuer revokes it.</summary>
public sealed class VerificationPageTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task PilotCredential_OnAPhone_ShowsVerifiedWithEvidenceLinkedInAndQr_ThenRevoked()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = fixture.Site.Service.Services;
        var credential = await ServiceIssuance.IssuePilotAsync(services, fixture.Site.Platform.Id, ct);
        await using var tab = await fixture.OpenAsync(Phone);
        var page = new CredentialPage(tab.Page, fixture, credential.PublicId);

        await page.OpenAsync();

        await Assertions.Expect(page.Verdict).ToContainTextAsync("verified", new() { IgnoreCase = true });
        Assert.DoesNotContain("not", await page.Verdict.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.EvidenceLink("https://github.com/learner-7/cloud-capstone")).ToBeVisibleAsync();
        await Assertions.Expect(page.LinkedInLink).ToBeVisibleAsync();
        await Assertions.Expect(page.QrCode).ToBeVisibleAsync();
        Assert.True(await page.FitsViewportWidthAsync(), "The page scrolls sideways at 360 px.");
        await tab.ScreenshotAsync("verified");

        var revoked = await services.GetRequiredService<CredentialRevoker>().RevokeByPublicIdAsync(credential.PublicId, "operator", "Issued in error", ct);
        Assert.Equal(RevocationResult.Revoked, revoked.Code);
        await page.ReloadAsync();

        await Assertions.Expect(page.Verdict).ToContainTextAsync("revoked", new() { IgnoreCase = true });
        Assert.True(await page.FitsViewportWidthAsync(), "The page scrolls sideways at 360 px.");
    }
}
