using System.Net;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.LtiWeb;

/// <summary>The registration page against the emulated platforms' dynamic registration endpoints.</summary>
public sealed class DynamicRegistrationEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PlatformFlavour.Canvas)]
    [InlineData(PlatformFlavour.Moodle)]
    public async Task Register_AgainstThePlatform_StoresItAndConfirmsToTheAdmin(PlatformFlavour flavour)
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var platform = flavour == PlatformFlavour.Canvas ? EmulatedPlatform.StartCanvas(issuerIsOrigin: true) : EmulatedPlatform.StartMoodle();
        platform.ScopesToGrant = [LtiConstants.Scopes.Score, LtiConstants.Scopes.ContextMembershipReadOnly];
        using var browser = host.Browser();

        using var response = await browser.GetAsync(RegisterUri(platform.OpenIdConfigurationUrl.AbsoluteUri, platform.RegistrationToken), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("LtiBadgeBridge is registered", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/lti-register.js\">", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' " + platform.BaseUrl, string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(flavour == PlatformFlavour.Moodle, html.Contains("Manage tools", StringComparison.Ordinal));
        var sent = platform.LastRegistrationRequest!;
        Assert.Equal(host.Service.BaseUrl.AbsoluteUri.TrimEnd('/') + "/lti/login", sent["initiate_login_uri"]!.GetValue<string>());
        Assert.Contains(host.LaunchUri, sent["redirect_uris"]!.AsArray().Select(u => u!.GetValue<string>()));

        var platforms = host.Service.Services.GetRequiredService<PlatformStore>();
        var saved = await platforms.FindAsync(platform.Issuer, platform.ClientId, Cancel);
        Assert.NotNull(saved);
        Assert.Equal("dynamic", saved.RegistrationSource);
        Assert.Equal(flavour == PlatformFlavour.Moodle ? "pending" : "active", saved.RegistrationStatus);
        Assert.Equal($"{LtiConstants.Scopes.Score} {LtiConstants.Scopes.ContextMembershipReadOnly}", saved.GrantedScopes);
        Assert.Equal(DeploymentStatuses.Active, (await platforms.FindDeploymentAsync(saved.Id, platform.DeploymentId, Cancel))?.Status);
    }

    [Fact]
    public async Task Register_BadInput_IsRefusedWithAClearPage()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var platform = EmulatedPlatform.StartMoodle();
        using var browser = host.Browser();

        using var missing = await browser.GetAsync(new Uri("/lti/register", UriKind.Relative), Cancel);
        using var notAUrl = await browser.GetAsync(RegisterUri("<b>not a url</b>", "x"), Cancel);
        using var remoteHttp = await browser.GetAsync(RegisterUri("http://platform.example.org/openid-configuration", "x"), Cancel);
        using var wrongToken = await browser.GetAsync(RegisterUri(platform.OpenIdConfigurationUrl.AbsoluteUri, "wrong-token"), Cancel);
        platform.ConfigurationIssuerOverride = "https://elsewhere.example.org";
        using var foreignIssuer = await browser.GetAsync(RegisterUri(platform.OpenIdConfigurationUrl.AbsoluteUri, platform.RegistrationToken), Cancel);

        foreach (var response in new[] { missing, notAUrl, remoteHttp, wrongToken, foreignIssuer })
        {
            var html = await response.Content.ReadAsStringAsync(Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(LtiErrorCodes.RegistrationConfigurationInvalid, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>not a url</b>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("lti-register.js", html, StringComparison.Ordinal);
        }

        Assert.Null(platform.LastRegistrationRequest);
    }

    private static Uri RegisterUri(string configuration, string token) =>
        new($"/lti/register?openid_configuration={Uri.EscapeDataString(configuration)}&registration_token={Uri.EscapeDataString(token)}", UriKind.Relative);
}
