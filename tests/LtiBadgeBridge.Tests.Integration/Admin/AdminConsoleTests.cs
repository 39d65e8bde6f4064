using System.Net;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;
using LtiBadgeBridge.Testing.Databases;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Admin;

/// <summary>The console's read-only views as the operator: achievements across courses and the audit log, on the
/// embedded default and on PostgreSQL with the web role (where the job dashboard reads the shared storage).</summary>
public sealed class AdminConsoleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Achievements_AcrossPlatformsAndCourses_WithAwardCounts()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        var html = await AchievementsPageAsync(service);

        Assert.Contains("Northwind University (Canvas)", html, StringComparison.Ordinal);
        Assert.Contains("Contoso (Moodle)", html, StringComparison.Ordinal);
        Assert.Contains("Cloud Computing Fundamentals", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"admin-num\">3</td><td class=\"admin-num\">1</td><td class=\"admin-num\">0</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_NewestFirst_FilteredByAction_Paged()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        var audit = service.Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 55; i++)
        {
            await audit.RecordAsync(null, "operator", "test.bulk", $"target-{i:00}", null, Cancel);
        }

        await audit.RecordAsync(null, "operator", "test.other", "the-other-one", null, Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());
        using var signIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);

        var first = await browser.GetStringAsync(new Uri("/admin/audit?filter=test.bulk", UriKind.Relative), Cancel);
        var second = await browser.GetStringAsync(new Uri("/admin/audit?filter=test.bulk&n=2", UriKind.Relative), Cancel);
        var all = await browser.GetStringAsync(new Uri("/admin/audit", UriKind.Relative), Cancel);

        Assert.Contains("target-54", first, StringComparison.Ordinal);
        Assert.Contains("target-05", first, StringComparison.Ordinal);
        Assert.DoesNotContain("target-04", first, StringComparison.Ordinal);
        Assert.DoesNotContain("the-other-one", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("target-54", StringComparison.Ordinal) < first.IndexOf("target-53", StringComparison.Ordinal), "newest first");
        Assert.Contains("href=\"/admin/audit?filter=test.bulk&amp;n=2\"", first, StringComparison.Ordinal);
        Assert.Contains("target-04", second, StringComparison.Ordinal);
        Assert.Contains("target-00", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Older entries", second, StringComparison.Ordinal);
        Assert.Contains("the-other-one", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"test.other\">", all, StringComparison.Ordinal);
        Assert.Contains("admin.signed_in", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_MoodlePlatform_ShowsPendingStateTokenAndTheProbeFindings()
    {
        using var moodle = EmulatedMoodle.Start();
        moodle.RemoveFunction(MoodleWebServiceRequirements.GetGradingFormInstances);
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        var platforms = service.Services.GetRequiredService<PlatformStore>();
        var platform = await platforms.UpsertAsync(new PlatformRegistration
        {
            Issuer = moodle.SiteUrl.AbsoluteUri.TrimEnd('/'), ClientId = "moodle-client", Name = "Contoso (Moodle)", ProductFamily = ProductFamilies.Moodle,
            AuthorizationEndpoint = moodle.SiteUrl + "mod/lti/auth.php", TokenEndpoint = moodle.SiteUrl + "mod/lti/token.php", JwksUri = moodle.SiteUrl + "mod/lti/certs.php",
            RegistrationSource = "dynamic", RegistrationStatus = "pending",
        }, Cancel);
        await platforms.EnsureDeploymentAsync(platform.Id, "dep-7", DeploymentStatuses.Pending, Cancel);
        await service.Services.GetRequiredService<PlatformCredentialsStore>().SaveMoodleAsync(platform.Id, moodle.SiteUrl, moodle.Options.Token, Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());
        using var signIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);

        var before = await browser.GetStringAsync(new Uri("/admin", UriKind.Relative), Cancel);
        using var probe = await AdminBrowser.PostFormAsync(browser, "/admin", "Probe", new Dictionary<string, string> { ["platformId"] = platform.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var after = await browser.GetStringAsync(new Uri("/admin", UriKind.Relative), Cancel);

        Assert.Contains("pending activation", before, StringComparison.Ordinal);
        Assert.Contains("<code>dep-7</code>", before, StringComparison.Ordinal);
        Assert.Contains("Moodle web service token configured", before, StringComparison.Ordinal);
        Assert.Contains("never probed here", before, StringComparison.Ordinal);
        Assert.DoesNotContain(moodle.Options.Token, before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, probe.StatusCode);
        Assert.Contains("not ready", after, StringComparison.Ordinal);
        Assert.Contains("function_missing", after, StringComparison.Ordinal);
        Assert.Contains(MoodleWebServiceRequirements.GetGradingFormInstances, after, StringComparison.Ordinal);
        Assert.DoesNotContain(moodle.Options.Token, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebRoleOnPostgres_ConsoleAndJobDashboardWork()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("ltibb_admin", Cancel);
        var settings = AdminBrowser.Settings();
        settings["Database:ConnectionString"] = connectionString;
        settings["Service:Role"] = "web";
        await using var service = await TestService.StartAsync(settings, cancellationToken: Cancel);

        var html = await AchievementsPageAsync(service);
        using var browser = service.CreateClient(cookies: new CookieContainer());
        using var signIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);
        using var jobs = await browser.GetAsync(new Uri("/admin/jobs", UriKind.Relative), Cancel);
        var audit = await browser.GetStringAsync(new Uri("/admin/audit?filter=admin.signed_in", UriKind.Relative), Cancel);

        Assert.Contains("<td class=\"admin-num\">3</td>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Contains("LtiBadgeBridge jobs", await jobs.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("admin.signed_in", audit, StringComparison.Ordinal);
    }

    /// <summary>Seeds two platforms with an achievement each (3 earned + 1 awaiting approval on the first) and
    /// returns the achievements page as the operator sees it.</summary>
    private static async Task<string> AchievementsPageAsync(TestService service)
    {
        var database = service.Services.GetRequiredService<Database>();
        var north = await OperatorLoginTests.SeedPlatformAsync(service, "Northwind University (Canvas)", "https://canvas.northwind.example", Cancel);
        var contoso = await OperatorLoginTests.SeedPlatformAsync(service, "Contoso (Moodle)", "https://moodle.contoso.example", Cancel);
        var (course, achievement) = await IssuanceSeed.AchievementAsync(database, north.Id, "name: test", Cancel);
        await IssuanceSeed.AwardsAsync(database, north.Id, course, achievement, 3, Cancel);
        await IssuanceSeed.AwardsAsync(database, north.Id, course, achievement, 1, Cancel, state: "pending_approval");
        await IssuanceSeed.AchievementAsync(database, contoso.Id, "name: test", Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());
        using var signIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);
        var html = await browser.GetStringAsync(new Uri("/admin/achievements", UriKind.Relative), Cancel);
        return System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
