using System.Net;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Admin;

/// <summary>The issuer page as the operator: profile validation and saving, key rotation and its audit entry.</summary>
public sealed class IssuerAdminTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IssuerProfile_BadEmailAndCountry_InlineMessagesAndNothingSaved()
    {
        await using var service = await StartAsync();
        var platform = await OperatorLoginTests.SeedPlatformAsync(service, "Fabrikam (Canvas)", "https://canvas.fabrikam.example", Cancel);
        using var browser = await SignedInAsync(service);
        var path = $"/admin/platforms/{platform.Id}/issuer";

        using var response = await AdminBrowser.PostFormAsync(browser, path, "Profile", new Dictionary<string, string>
        {
            ["Form.Name"] = "Fabrikam University",
            ["Form.Email"] = "badges-at-fabrikam",
            ["Form.CountryCode"] = "XX",
            ["Form.Url"] = "https://fabrikam.example",
        });
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains("Enter an email address such as badges@example.edu.", html, StringComparison.Ordinal);
        Assert.Contains("Enter a two-letter ISO 3166-1 country code", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-email\" name=\"Form.Email\" type=\"email\" value=\"badges-at-fabrikam\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"f-email-error\"", html, StringComparison.Ordinal);
        Assert.Null(await service.Services.GetRequiredService<IssuerProfileStore>().GetFieldsAsync(platform.Id, Cancel));
    }

    [Fact]
    public async Task IssuerProfile_Valid_IsSavedPublishedAndAudited()
    {
        await using var service = await StartAsync();
        var platform = await OperatorLoginTests.SeedPlatformAsync(service, "Fabrikam (Canvas)", "https://canvas.fabrikam.example", Cancel);
        using var browser = await SignedInAsync(service);
        var path = $"/admin/platforms/{platform.Id}/issuer";

        using var response = await AdminBrowser.PostFormAsync(browser, path, "Profile", new Dictionary<string, string>
        {
            ["Form.Name"] = "  Fabrikam University ",
            ["Form.Email"] = "badges@fabrikam.example",
            ["Form.CountryCode"] = "nz",
            ["Form.Country"] = "New Zealand",
            ["Form.Region"] = "Canterbury",
            ["Form.Url"] = "https://fabrikam.example",
            ["Form.Description"] = "Micro-credentials of Fabrikam.",
        });
        var fields = await service.Services.GetRequiredService<IssuerProfileStore>().GetFieldsAsync(platform.Id, Cancel);
        var profile = await browser.GetStringAsync(new Uri($"/issuers/{platform.Id}", UriKind.Relative), Cancel);
        var page = await browser.GetStringAsync(new Uri(path, UriKind.Relative), Cancel);
        var audit = await browser.GetStringAsync(new Uri("/admin/audit?filter=issuer.profile_updated", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(fields);
        Assert.Equal("Fabrikam University", fields.Name);
        Assert.Equal("NZ", fields.CountryCode);
        Assert.Equal("badges@fabrikam.example", fields.Email);
        Assert.Null(fields.Phone);
        Assert.Contains("\"name\":\"Fabrikam University\"", profile, StringComparison.Ordinal);
        Assert.Contains("badges@fabrikam.example", profile, StringComparison.Ordinal);
        Assert.Contains("value=\"Canterbury\"", page, StringComparison.Ordinal);
        Assert.Contains("issuer.profile_updated", audit, StringComparison.Ordinal);
        Assert.Contains("<code>operator</code>", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateKey_AddsAKey_OldOneListedRetiredStillPublished_AndAudited()
    {
        await using var service = await StartAsync();
        var platform = await OperatorLoginTests.SeedPlatformAsync(service, "Fabrikam (Canvas)", "https://canvas.fabrikam.example", Cancel);
        var old = await service.Services.GetRequiredService<IssuerKeyService>().ActiveAsync(platform.Id, KeyPurposes.CredentialJwt, Cancel);
        using var browser = await SignedInAsync(service);
        var path = $"/admin/platforms/{platform.Id}/issuer";

        using var response = await AdminBrowser.PostFormAsync(browser, path, "Rotate", new Dictionary<string, string> { ["purpose"] = KeyPurposes.CredentialJwt });
        var keys = await service.Services.GetRequiredService<KeyRing>().PublishedAsync(KeyPurposes.CredentialJwt, platform.Id, Cancel);
        var page = await browser.GetStringAsync(new Uri(path, UriKind.Relative), Cancel);
        var jwks = await browser.GetStringAsync(new Uri($"/issuers/{platform.Id}/jwks.json", UriKind.Relative), Cancel);
        var did = await browser.GetStringAsync(new Uri($"/issuers/{platform.Id}/did.json", UriKind.Relative), Cancel);
        var audit = await browser.GetStringAsync(new Uri("/admin/audit?filter=issuer.key_rotated", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, keys.Count);
        var retired = Assert.Single(keys, k => k.RetiredAt is not null);
        var current = Assert.Single(keys, k => k.RetiredAt is null);
        Assert.Equal(old.KeyId, retired.Kid);
        Assert.NotEqual(old.KeyId, current.Kid);
        Assert.Contains(retired.Kid, page, StringComparison.Ordinal);
        Assert.Contains(current.Kid, page, StringComparison.Ordinal);
        Assert.Contains("retired ", page, StringComparison.Ordinal);
        Assert.Contains(retired.Kid, jwks, StringComparison.Ordinal);
        Assert.Contains(current.Kid, jwks, StringComparison.Ordinal);
        Assert.Contains(retired.Kid, did, StringComparison.Ordinal);
        Assert.Contains(current.Kid, audit, StringComparison.Ordinal);
        Assert.Contains("credential-jwt", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateKey_UnknownPurpose_IsRefusedAndNothingRotates()
    {
        await using var service = await StartAsync();
        var platform = await OperatorLoginTests.SeedPlatformAsync(service, "Fabrikam (Canvas)", "https://canvas.fabrikam.example", Cancel);
        using var browser = await SignedInAsync(service);

        using var response = await AdminBrowser.PostFormAsync(browser, $"/admin/platforms/{platform.Id}/issuer", "Rotate", new Dictionary<string, string> { ["purpose"] = KeyPurposes.Lti });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await service.Services.GetRequiredService<KeyRing>().PublishedAsync(KeyPurposes.Lti, platform.Id, Cancel));
    }

    private static Task<TestService> StartAsync()
    {
        // No https public URL here: the operator cookie would then be Secure, which a plain-http test client never sends back.
        return TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
    }

    private static async Task<HttpClient> SignedInAsync(TestService service)
    {
        var browser = service.CreateClient(cookies: new CookieContainer());
        using var signIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }
}
