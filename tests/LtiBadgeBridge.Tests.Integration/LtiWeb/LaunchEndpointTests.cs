using System.Net;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.LtiWeb;

/// <summary>Launches through the service's own endpoints against emulated Canvas and Moodle platforms.</summary>
public sealed class LaunchEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PlatformFlavour.Canvas)]
    [InlineData(PlatformFlavour.Moodle)]
    public async Task Launch_FullRoundTrip_LandsOnTheLearnerPageWithASessionFramedByThePlatform(PlatformFlavour flavour)
    {
        await using var host = await LtiWebHost.StartAsync(flavour);
        var cookies = new CookieContainer();
        using var browser = host.Browser(cookies);

        var (idToken, state, login) = await host.LoginAsync(browser);
        var stateCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        var launch = await LtiWebHost.PostLaunchAsync(browser, idToken, state);

        Assert.Contains("httponly", stateCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", stateCookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("lti-state-", stateCookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        Assert.StartsWith("/lti/learner?s=", launch.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var page = await browser.GetAsync(launch.Headers.Location, Cancel);
        var body = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Ada Lovelace", body, StringComparison.Ordinal);
        var csp = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Contains(host.Platform.BaseUrl, csp, StringComparison.Ordinal);

        // The session also works from its cookie alone (when the browser keeps it).
        using var byCookie = await browser.GetAsync(new Uri("/lti/learner", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, byCookie.StatusCode);
    }

    [Theory]
    [InlineData(PlatformFlavour.Canvas, "course-101")]
    [InlineData(PlatformFlavour.Moodle, "2")]
    public async Task Launch_BindsCourseAndPersonAndRequestsACourseSync(PlatformFlavour flavour, string lmsCourseId)
    {
        await using var host = await LtiWebHost.StartAsync(flavour);
        using var browser = host.Browser();

        var launch = await host.LaunchAsync(browser);

        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        var courses = host.Service.Services.GetRequiredService<CourseStore>();
        var course = await courses.FindAsync(host.Registration.Id, host.Platform.CourseId, Cancel);
        Assert.NotNull(course);
        Assert.Equal(lmsCourseId, course.LmsCourseId);
        Assert.Equal("Biology", course.Title);
        Assert.Equal(host.Platform.LineItemsUrl.AbsoluteUri, course.AgsLineitemsUrl);
        var member = Assert.Single(await courses.ListMembersAsync(course.Id, Cancel));
        Assert.Equal("user-1", member.Person.LtiUserId);
        Assert.Equal(LtiConstants.Roles.Learner, member.Enrollment.Roles);
        var outbox = host.Service.Services.GetRequiredService<OutboxStore>();
        var now = TimeProvider.System.GetUtcNow();
        var candidates = new[] { now, now.AddMinutes(-5) }.Select(t => $"sync-course:{course.Id}:{t:yyyyMMddHH}{t.Minute - (t.Minute % 5):00}");
        var messages = await Task.WhenAll(candidates.Select(k => outbox.FindAsync(k, Cancel)));
        var message = Assert.Single(messages, m => m is not null);
        Assert.Equal("sync-course", message!.Kind);
        Assert.Equal(course.Id, JsonNode.Parse(message.Payload)!["courseId"]!.GetValue<long>());
        Assert.Equal("launch", JsonNode.Parse(message.Payload)!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Launch_Instructor_LandsOnTheInstructorPage()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        host.Platform.LaunchClaimsFactory = (nonce, uri) => host.Platform.ResourceLinkClaims(nonce, uri, LtiConstants.Roles.Instructor);
        using var browser = host.Browser();

        var launch = await host.LaunchAsync(browser);

        Assert.StartsWith("/lti/instructor?s=", launch.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_ReplayedConcurrently_ExactlyOneWins()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Moodle);
        var cookies = new CookieContainer();
        using var browser = host.Browser(cookies);
        var (idToken, state, _) = await host.LoginAsync(browser);

        var responses = await Task.WhenAll(
            LtiWebHost.PostLaunchAsync(browser, idToken, state),
            LtiWebHost.PostLaunchAsync(browser, idToken, state));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        var refused = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.SeeOther);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(LtiErrorCodes.NonceReplayed, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var setCookies) && setCookies.Any(c => c.StartsWith("ltibb-session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Launch_TamperedToken_IsRefusedWithTheSignatureCode()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var browser = host.Browser();
        var (idToken, state, _) = await host.LoginAsync(browser);
        var parts = idToken.Split('.');
        var claims = JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        claims["sub"] = "someone-else";
        var tampered = parts[0] + "." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(claims.ToJsonString()) + "." + parts[2];

        var response = await LtiWebHost.PostLaunchAsync(browser, tampered, state);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, LtiErrorCodes.SignatureInvalid);
    }

    [Fact]
    public async Task Launch_ExpiredToken_IsRefused()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Moodle);
        using var browser = host.Browser();
        var (nonce, state) = await host.LoginForNonceAsync(browser);
        var claims = host.Claims(nonce);
        var past = TimeProvider.System.GetUtcNow().AddHours(-2).ToUnixTimeSeconds();
        claims["iat"] = past;
        claims["exp"] = past + 60;

        var response = await LtiWebHost.PostLaunchAsync(browser, host.Platform.MintIdToken(claims), state);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, LtiErrorCodes.TokenExpired);
    }

    [Fact]
    public async Task Launch_TokenFromAnUnregisteredPlatform_IsRefused()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var foreign = EmulatedPlatform.StartMoodle();
        using var browser = host.Browser();
        var (nonce, state) = await host.LoginForNonceAsync(browser);

        var response = await LtiWebHost.PostLaunchAsync(browser, foreign.MintIdToken(foreign.ResourceLinkClaims(nonce, host.LaunchUri)), state);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, LtiErrorCodes.RegistrationUnknown);
    }

    [Fact]
    public async Task Launch_HugeMalformedAndMissingInput_AreRefusedWith4xx()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var browser = host.Browser();
        var (_, state, _) = await host.LoginAsync(browser);
        var huge = await LtiWebHost.PostLaunchAsync(browser, new string('a', 1024 * 1024), state);
        (_, state, _) = await host.LoginAsync(browser);
        var garbage = await LtiWebHost.PostLaunchAsync(browser, "<script>alert(1)</script>.x.y", state);
        var missing = await LtiWebHost.PostLaunchAsync(browser, null, null);
        using var notAForm = await browser.PostAsync(new Uri("/lti/launch", UriKind.Relative), new StringContent("{\"id_token\":1}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        using var brokenForm = await browser.PostAsync(new Uri("/lti/launch", UriKind.Relative), new StringContent("id_token=%%%&&=", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Cancel);

        await AssertRefusedAsync(huge, HttpStatusCode.BadRequest, LtiErrorCodes.JwtTooLarge);
        var garbageBody = await AssertRefusedAsync(garbage, HttpStatusCode.BadRequest, LtiErrorCodes.JwtMalformed);
        Assert.DoesNotContain("<script>alert", garbageBody, StringComparison.Ordinal);
        await AssertRefusedAsync(missing, HttpStatusCode.BadRequest, LtiErrorCodes.StateMissing);
        Assert.True((int)notAForm.StatusCode is >= 400 and < 500);
        Assert.True((int)brokenForm.StatusCode is >= 400 and < 500);
    }

    [Fact]
    public async Task Launch_WithoutAStateCookie_CompletesThroughPlatformStorage()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var loginBrowser = host.Browser();
        var (idToken, state, login) = await host.LoginAsync(loginBrowser, withStorageTarget: true);
        var putPage = await login.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("data-mode=\"put\"", putPage, StringComparison.Ordinal);
        Assert.Contains("data-value=\"" + state + "\"", putPage, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/lti-storage.js\">", putPage, StringComparison.Ordinal);
        using var cookieless = host.Browser(new CookieContainer());

        // The launch POST arrives without the cookie: the service asks the page to read platform storage.
        var handOff = await LtiWebHost.PostLaunchAsync(cookieless, idToken, state);
        var getPage = await handOff.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, handOff.StatusCode);
        Assert.Contains("data-mode=\"get\"", getPage, StringComparison.Ordinal);
        Assert.Contains("data-origin=\"" + host.Platform.BaseUrl + "\"", getPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", getPage, StringComparison.Ordinal);

        // The script posts the launch again with the value lti.get_data returned.
        var launch = await LtiWebHost.PostLaunchAsync(cookieless, idToken, state, ("lti_storage_state", state));

        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        Assert.StartsWith("/lti/learner?s=", launch.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_StorageStateOfAnotherLogin_IsRefused()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var browser = host.Browser();
        var (idToken, state, _) = await host.LoginAsync(browser);
        using var cookieless = host.Browser(new CookieContainer());

        var launch = await LtiWebHost.PostLaunchAsync(cookieless, idToken, state, ("lti_storage_state", "another-state-value"));

        await AssertRefusedAsync(launch, HttpStatusCode.BadRequest, LtiErrorCodes.StateMismatch);
    }

    [Fact]
    public async Task Launch_NewDeploymentUnderApprovalPolicy_IsHeldPending()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas, DeploymentPolicies.Approve, registerDeployment: false);
        using var browser = host.Browser();

        var launch = await host.LaunchAsync(browser);

        var body = await AssertRefusedAsync(launch, HttpStatusCode.Forbidden, LtiErrorCodes.DeploymentPending);
        Assert.Contains("administrator", body, StringComparison.Ordinal);
        var deployment = await host.Service.Services.GetRequiredService<PlatformStore>().FindDeploymentAsync(host.Registration.Id, host.Platform.DeploymentId, Cancel);
        Assert.Equal(DeploymentStatuses.Pending, deployment?.Status);
    }

    [Fact]
    public async Task Launch_NewDeploymentUnderAutoPolicy_IsRecordedAndAccepted()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas, registerDeployment: false);
        using var browser = host.Browser();

        var launch = await host.LaunchAsync(browser);

        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        var deployment = await host.Service.Services.GetRequiredService<PlatformStore>().FindDeploymentAsync(host.Registration.Id, host.Platform.DeploymentId, Cancel);
        Assert.Equal(DeploymentStatuses.Active, deployment?.Status);
    }

    [Fact]
    public async Task Login_UnknownClientId_IsRefused()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var browser = host.Browser();
        var query = $"iss={Uri.EscapeDataString(host.Platform.Issuer)}&login_hint=u&target_link_uri={Uri.EscapeDataString(host.LaunchUri)}&client_id=unknown";

        using var response = await browser.GetAsync(new Uri("/lti/login?" + query, UriKind.Relative), Cancel);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, LtiErrorCodes.RegistrationUnknown);
    }

    [Fact]
    public async Task LtiPage_WithoutOrWithAForgedSession_IsRefused()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var browser = host.Browser();

        using var none = await browser.GetAsync(new Uri("/lti/learner", UriKind.Relative), Cancel);
        using var forged = await browser.GetAsync(new Uri("/lti/learner?s=CfDJ8forged", UriKind.Relative), Cancel);

        await AssertRefusedAsync(none, HttpStatusCode.Unauthorized, "lti.session_missing");
        await AssertRefusedAsync(forged, HttpStatusCode.Unauthorized, "lti.session_missing");
    }

    internal static async Task<string> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(code, body, StringComparison.Ordinal);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("ltibb-session", StringComparison.Ordinal)), "no session on a refusal");
        return body;
    }
}
