using System.Net;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.LtiWeb;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Admin;

/// <summary>Admins who arrive by an LTI launch: their own platform only, inside the iframe without cookies;
/// learners and instructors are refused.</summary>
public sealed class LtiAdminAccessTests
{
    private const string InstitutionAdmin = LtiConstants.Roles.InstitutionPrefix + "Administrator";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LtiAdminLaunch_SeesOwnPlatformOnly()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        var other = await OperatorLoginTests.SeedPlatformAsync(host.Service, "Other College (Canvas)", "https://canvas.other.example", Cancel);
        var database = host.Service.Services.GetRequiredService<Database>();
        var (_, ownAchievement) = await IssuanceSeed.AchievementAsync(database, host.Registration.Id, "name: test", Cancel);
        var (_, otherAchievement) = await IssuanceSeed.AchievementAsync(database, other.Id, "name: test", Cancel);
        var token = await LaunchAsync(host, InstitutionAdmin, "/lti/admin");
        using var iframe = host.Service.CreateClient(); // no cookie jar: the session travels as s= only
        var s = "s=" + Uri.EscapeDataString(token);
        var achievements = await iframe.GetStringAsync(new Uri("/admin/achievements?" + s, UriKind.Relative), Cancel);

        var landing = await iframe.GetStringAsync(new Uri("/lti/admin?" + s, UriKind.Relative), Cancel);
        using var console = await iframe.GetAsync(new Uri("/admin?" + s, UriKind.Relative), Cancel);
        var consoleHtml = await console.Content.ReadAsStringAsync(Cancel);
        using var ownIssuer = await iframe.GetAsync(new Uri($"/admin/platforms/{host.Registration.Id}/issuer?{s}", UriKind.Relative), Cancel);
        using var otherIssuer = await iframe.GetAsync(new Uri($"/admin/platforms/{other.Id}/issuer?{s}", UriKind.Relative), Cancel);
        using var jobs = await iframe.GetAsync(new Uri("/admin/jobs?" + s, UriKind.Relative), Cancel);

        Assert.Contains("href=\"/admin?s=", landing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("Emulated Canvas", consoleHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Other College", consoleHtml, StringComparison.Ordinal);
        Assert.Contains("your platform only", consoleHtml, StringComparison.Ordinal);
        Assert.Contains("/admin/audit?s=", consoleHtml, StringComparison.Ordinal);
        Assert.Contains(host.Platform.BaseUrl, string.Join(' ', console.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownIssuer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherIssuer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, jobs.StatusCode);
        Assert.Contains($"/achievements/{ownAchievement}\"", achievements, StringComparison.Ordinal);
        Assert.DoesNotContain($"/achievements/{otherAchievement}\"", achievements, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LtiAdmin_RotatesOwnKeyFromTheIframe_AuditedUnderTheirPlatformOnly()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Moodle);
        var other = await OperatorLoginTests.SeedPlatformAsync(host.Service, "Other College (Canvas)", "https://canvas.other.example", Cancel);
        await host.Service.Services.GetRequiredService<AuditLog>().RecordAsync(other.Id, "operator", "other.secret_action", null, null, Cancel);
        var token = await LaunchAsync(host, LtiConstants.Roles.SystemPrefix + "SysAdmin", "/lti/admin");
        using var iframe = host.Service.CreateClient();

        // Inside the iframe the form carries the session token instead of cookies.
        using var rotate = await iframe.PostAsync(new Uri($"/admin/platforms/{host.Registration.Id}/issuer?handler=Rotate", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["purpose"] = KeyPurposes.CredentialDataIntegrity, ["s"] = token }), Cancel);
        using var forged = await iframe.PostAsync(new Uri($"/admin/platforms/{host.Registration.Id}/issuer?handler=Rotate&s={Uri.EscapeDataString(token)}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["purpose"] = KeyPurposes.CredentialDataIntegrity }), Cancel);
        var audit = await iframe.GetStringAsync(new Uri("/admin/audit?s=" + Uri.EscapeDataString(token), UriKind.Relative), Cancel);
        var keys = await host.Service.Services.GetRequiredService<KeyRing>().PublishedAsync(KeyPurposes.CredentialDataIntegrity, host.Registration.Id, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, rotate.StatusCode);
        Assert.StartsWith("/admin/platforms/", rotate.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("s=", rotate.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode); // the token only in the URL proves nothing about the form
        Assert.Single(keys);
        Assert.Contains("issuer.key_rotated", audit, StringComparison.Ordinal);
        Assert.Contains($"lti-admin:{host.Registration.Id}:", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("other.secret_action", audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LtiConstants.Roles.Learner, "/lti/learner")]
    [InlineData(LtiConstants.Roles.Instructor, "/lti/instructor")]
    public async Task LearnerOrInstructorSession_IsForbidden(string role, string landing)
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        var token = await LaunchAsync(host, role, landing);
        using var iframe = host.Service.CreateClient();
        var s = "s=" + Uri.EscapeDataString(token);

        foreach (var path in new[] { "/admin", "/admin/audit", "/admin/achievements", $"/admin/platforms/{host.Registration.Id}/issuer", "/lti/admin" })
        {
            using var page = await iframe.GetAsync(new Uri($"{path}?{s}", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }

        using var rotate = await iframe.PostAsync(new Uri($"/admin/platforms/{host.Registration.Id}/issuer?handler=Rotate", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["purpose"] = KeyPurposes.CredentialJwt, ["s"] = token }), Cancel);
        using var jobs = await iframe.GetAsync(new Uri("/admin/jobs?" + s, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, rotate.StatusCode);
        Assert.Contains("admin.role_not_allowed", await rotate.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, jobs.StatusCode);
        Assert.Empty(await host.Service.Services.GetRequiredService<KeyRing>().PublishedAsync(KeyPurposes.CredentialJwt, host.Registration.Id, Cancel));
    }

    [Fact]
    public async Task LtiAdmin_SeesJobs_WhenTheOperatorAllowsIt()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas, settings: new Dictionary<string, string?> { ["Admin:LtiAdminsSeeJobs"] = "true" });
        var token = await LaunchAsync(host, InstitutionAdmin, "/lti/admin");
        using var iframe = host.Service.CreateClient();

        using var jobs = await iframe.GetAsync(new Uri("/admin/jobs?s=" + Uri.EscapeDataString(token), UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
    }

    /// <summary>A full launch with <paramref name="role"/>; returns the session token of the landing URL.</summary>
    private static async Task<string> LaunchAsync(LtiWebHost host, string role, string landing)
    {
        host.Platform.LaunchClaimsFactory = (nonce, uri) => host.Platform.ResourceLinkClaims(nonce, uri, role);
        using var browser = host.Browser();
        using var launch = await host.LaunchAsync(browser);
        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        var location = launch.Headers.Location!.OriginalString;
        Assert.StartsWith(landing + "?s=", location, StringComparison.Ordinal);
        return Uri.UnescapeDataString(location[(landing.Length + 3)..]);
    }
}
