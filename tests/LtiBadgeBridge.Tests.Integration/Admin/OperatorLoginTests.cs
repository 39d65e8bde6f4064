using System.Net;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Admin;

/// <summary>Nothing admin without admin access; the operator's token login, its cookie, throttling and logout.</summary>
public sealed class OperatorLoginTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminRoutes_WithoutSignIn_RedirectToLoginOr401()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());

        foreach (var path in new[] { "/admin", "/admin/achievements", "/admin/audit", "/admin/audit?filter=issuer.key_rotated", "/admin/platforms/1/issuer" })
        {
            using var page = await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/admin/login?returnUrl=" + Uri.EscapeDataString(path), page.Headers.Location!.OriginalString);
        }

        using var post = await browser.PostAsync(new Uri("/admin/platforms/1/issuer?handler=Rotate", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["purpose"] = "credential-jwt" }), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        foreach (var path in new[] { "/admin/jobs", "/admin/jobs/recurring", "/admin/jobs/jobs/succeeded" })
        {
            using var jobs = await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, jobs.StatusCode);
        }
    }

    [Fact]
    public async Task Login_WrongToken_ClearErrorAndNoCookie()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        var cookies = new CookieContainer();
        using var browser = service.CreateClient(cookies: cookies);

        using var response = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token + "x");
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That is not the operator token", body, StringComparison.Ordinal);
        Assert.Contains("admin.token_invalid", body, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminBrowser.Token, body, StringComparison.Ordinal);
        Assert.False(AdminBrowser.SetsAdminCookie(response));
        using var console = await browser.GetAsync(new Uri("/admin", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
    }

    [Fact]
    public async Task Login_CorrectToken_StrictHttpOnlyCookieAndConsoleListsTheSeededPlatform()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        await SeedPlatformAsync(service, "Northwind University (Canvas)", "https://canvas.northwind.example", Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());

        using var response = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token, returnUrl: "/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/audit", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ltibb-admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AdminBrowser.Token, cookie, StringComparison.Ordinal);

        using var console = await browser.GetAsync(new Uri("/admin", UriKind.Relative), Cancel);
        var html = await console.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("Northwind University (Canvas)", html, StringComparison.Ordinal);
        Assert.Contains("https://canvas.northwind.example", html, StringComparison.Ordinal);
        Assert.Contains("not configured", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", string.Join(' ', console.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        using var jobs = await browser.GetAsync(new Uri("/admin/jobs", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
    }

    [Fact]
    public async Task Login_ForeignReturnUrl_GoesToTheConsoleInstead()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());

        using var response = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token, returnUrl: "//evil.example/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_TooManyAttempts_AreThrottledEvenWithTheRightToken()
    {
        var settings = AdminBrowser.Settings();
        settings["Admin:LoginAttemptsPerWindow"] = "2";
        settings["Admin:LoginWindow"] = "00:10:00";
        await using var service = await TestService.StartAsync(settings, cancellationToken: Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());

        using var first = await AdminBrowser.SignInAsync(browser, "guess-1");
        using var second = await AdminBrowser.SignInAsync(browser, "guess-2");
        using var third = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter is not null);
        Assert.Contains("Too many login attempts", await third.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(AdminBrowser.SetsAdminCookie(third));
    }

    [Fact]
    public async Task Login_NoOperatorTokenConfigured_IsDisabledNamingTheSetting()
    {
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());

        var page = await browser.GetStringAsync(new Uri("/admin/login", UriKind.Relative), Cancel);
        using var post = await browser.PostAsync(new Uri("/admin/login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Token"] = "" , ["__RequestVerificationToken"] = "x" }), Cancel);

        Assert.Contains("Operator login is disabled", page, StringComparison.Ordinal);
        Assert.Contains("Service:OperatorToken", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", page, StringComparison.Ordinal);
        Assert.False(AdminBrowser.SetsAdminCookie(post));
        using var console = await browser.GetAsync(new Uri("/admin", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheOperatorSession()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());
        using var signIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);

        using var logout = await AdminBrowser.PostFormAsync(browser, "/admin/logout", "", new Dictionary<string, string>());
        using var console = await browser.GetAsync(new Uri("/admin", UriKind.Relative), Cancel);
        using var jobs = await browser.GetAsync(new Uri("/admin/jobs", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, jobs.StatusCode);
    }

    [Fact]
    public async Task OperatorPost_WithoutAntiforgeryToken_IsRefused()
    {
        await using var service = await TestService.StartAsync(AdminBrowser.Settings(), cancellationToken: Cancel);
        var platform = await SeedPlatformAsync(service, "Contoso (Moodle)", "https://moodle.contoso.example", Cancel);
        using var browser = service.CreateClient(cookies: new CookieContainer());
        using var signIn = await AdminBrowser.SignInAsync(browser, AdminBrowser.Token);

        using var post = await browser.PostAsync(new Uri($"/admin/platforms/{platform.Id}/issuer?handler=Rotate", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["purpose"] = "credential-jwt" }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("admin.form_expired", await post.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    internal static Task<PlatformRegistration> SeedPlatformAsync(TestService service, string name, string issuer, CancellationToken cancellationToken) =>
        service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = issuer,
            ClientId = "client-" + name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = name,
            ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = issuer + "/api/lti/authorize_redirect",
            TokenEndpoint = issuer + "/login/oauth2/token",
            JwksUri = issuer + "/api/lti/security/jwks",
            GrantedScopes = "https://purl.imsglobal.org/spec/lti-ags/scope/score",
        }, cancellationToken);
}
