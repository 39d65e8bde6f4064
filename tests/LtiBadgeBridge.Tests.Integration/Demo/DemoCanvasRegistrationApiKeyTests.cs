using System.Net;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Tests.Integration.Admin;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>After a dynamic registration, the operator enters the platform's Canvas API developer key in the admin
/// console (the step between registering in Canvas and an instructor connecting a course).</summary>
public sealed class DemoCanvasRegistrationApiKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CanvasApiKey_Invalid_InlineMessagesNothingSavedAndTheSecretNotEchoed()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Ct);
        var platform = await OperatorLoginTests.SeedPlatformAsync(service, "Demo LMS (Canvas)", "http://127.0.0.1:5001", Ct);
        using var browser = await SignedInAsync(service);

        using var response = await AdminBrowser.PostFormAsync(browser, $"/admin/platforms/{platform.Id}/canvas-api", "", new Dictionary<string, string>
        {
            ["Form.BaseUrl"] = "javascript:alert(1)",
            ["Form.ClientId"] = "",
            ["Form.ClientSecret"] = "typed-secret-value",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter the Canvas address", html, StringComparison.Ordinal);
        Assert.Contains("Enter the developer key&#x27;s client ID.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("typed-secret-value", html, StringComparison.Ordinal);
        Assert.Null(await service.Services.GetRequiredService<PlatformCredentialsStore>().GetAsync(platform.Id, Ct));
    }

    [Fact]
    public async Task CanvasApiKey_Valid_IsSavedForSync_AuditedWithoutTheSecret_AndShownAsConfigured()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Ct);
        var platform = await OperatorLoginTests.SeedPlatformAsync(service, "Demo LMS (Canvas)", "http://127.0.0.1:5001", Ct);
        using var browser = await SignedInAsync(service);

        using var response = await AdminBrowser.PostFormAsync(browser, $"/admin/platforms/{platform.Id}/canvas-api", "", new Dictionary<string, string>
        {
            ["Form.BaseUrl"] = "http://127.0.0.1:5001/",
            ["Form.ClientId"] = " 10000000000002 ",
            ["Form.ClientSecret"] = "demo-api-key-secret",
        });
        var home = await browser.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await service.Services.GetRequiredService<PlatformCredentialsStore>().GetAsync(platform.Id, Ct);
        Assert.Equal((PlatformCredentialsStore.CanvasKind, "http://127.0.0.1:5001/", "10000000000002", "demo-api-key-secret"), (stored!.Kind, stored.BaseUrl.AbsoluteUri, stored.ClientId, stored.Secret));
        var audit = Assert.Single(await service.Services.GetRequiredService<AuditLog>().PageAsync(platform.Id, CanvasApiModel.SaveAction, 0, 10, Ct));
        Assert.DoesNotContain("demo-api-key-secret", audit.Details ?? "", StringComparison.Ordinal);
        Assert.Contains("Canvas API developer key configured", home, StringComparison.Ordinal);
        Assert.Contains("Replace the Canvas API key", home, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-api-key-secret", home, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInAsync(TestService service)
    {
        var browser = service.CreateClient(cookies: new CookieContainer());
        using var signIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }
}
