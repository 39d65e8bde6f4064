using System.Net;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Tests.Integration.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The operator gives the tool the demo Moodle's web service token in the admin console: checked, then saved.</summary>
public sealed class DemoMoodleAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminConsole_SavesAMoodleToken_OnlyWhenMoodleAcceptsIt()
    {
        await using var host = await DemoMoodleHost.StartAsync(Ct);
        var platform = await host.RegisterAndActivateAsync(Ct);
        using var browser = host.Service.CreateClient(cookies: new CookieContainer());
        using var signedIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);
        var credentials = host.Service.Services.GetRequiredService<PlatformCredentialsStore>();

        var console = await browser.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct);
        Assert.Contains("Moodle web service token", console, StringComparison.Ordinal);
        Assert.Contains($"value=\"{host.Moodle.WwwRoot}\"", console, StringComparison.Ordinal);

        using var refused = await AdminBrowser.PostFormAsync(browser, "/admin", "MoodleToken", new Dictionary<string, string>
        {
            ["platformId"] = platform.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["siteUrl"] = host.Moodle.WwwRoot, ["token"] = "not-the-token",
        });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Null(await credentials.GetAsync(platform.Id, Ct));
        Assert.Contains("admin.moodle_token_refused", await browser.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct), StringComparison.Ordinal);

        using var saved = await AdminBrowser.PostFormAsync(browser, "/admin", "MoodleToken", new Dictionary<string, string>
        {
            ["platformId"] = platform.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["siteUrl"] = host.Moodle.WwwRoot, ["token"] = host.Moodle.WebServiceToken,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await credentials.GetAsync(platform.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(PlatformCredentialsStore.MoodleKind, stored.Kind);
        Assert.Equal(host.Moodle.WebServiceToken, stored.Secret);
        var page = await browser.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct);
        Assert.Contains("nothing blocks a sync", page, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Moodle.WebServiceToken, page, StringComparison.Ordinal);
    }
}
