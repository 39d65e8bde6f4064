using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Tests.Integration.LtiWeb;

/// <summary>Deep linking through the picker page, and the tool key set that verifies our responses.</summary>
public sealed class DeepLinkingEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PlatformFlavour.Canvas)]
    [InlineData(PlatformFlavour.Moodle)]
    public async Task DeepLinking_PickerRoundTrip_PostsASignedResponseThatVerifiesWithOurKeySet(PlatformFlavour flavour)
    {
        await using var host = await LtiWebHost.StartAsync(flavour);
        host.Platform.LaunchClaimsFactory = (nonce, uri) => host.Platform.DeepLinkingClaims(nonce, uri);
        using var browser = host.Browser();

        var launch = await host.LaunchAsync(browser);
        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        Assert.StartsWith("/lti/deep-link?s=", launch.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var picker = await browser.GetAsync(launch.Headers.Location, Cancel);
        var pickerHtml = await picker.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, picker.StatusCode);
        var token = WebUtility.HtmlDecode(Regex.Match(pickerHtml, "name=\"s\" value=\"([^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value);
        Assert.NotEmpty(token);

        using var cookieless = host.Browser(new CookieContainer());
        using var response = await cookieless.PostAsync(
            new Uri("/lti/deep-link/response", UriKind.Relative),
            new FormUrlEncodedContent([new("s", token), new("title", "Course badges"), new("line_item", "on"), new("score_maximum", "50")]),
            Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("'nonce-", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var (action, fields) = EmulatedPlatform.ParseAutoPostForm(html);
        Assert.Equal(host.Platform.BaseUrl + "/deep_linking/return", action.AbsoluteUri);
        var jwks = new JsonWebKeySet(await browser.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Cancel));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(fields["JWT"], new TokenValidationParameters
        {
            ValidIssuer = host.Platform.ClientId,
            ValidAudience = host.Platform.Issuer,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(fields["JWT"].Split('.')[1]))!;
        Assert.Equal(LtiConstants.MessageTypes.DeepLinkingResponse, claims[LtiConstants.Claims.MessageType]!.GetValue<string>());
        Assert.Equal(host.Platform.DeploymentId, claims[LtiConstants.Claims.DeploymentId]!.GetValue<string>());
        Assert.Equal("opaque-data-7", claims[LtiConstants.Claims.Data]!.GetValue<string>());
        var item = claims[LtiConstants.Claims.ContentItems]![0]!;
        Assert.Equal("ltiResourceLink", item["type"]!.GetValue<string>());
        Assert.Equal("Course badges", item["title"]!.GetValue<string>());
        Assert.Equal(host.LaunchUri, item["url"]!.GetValue<string>());
        Assert.Equal(50, item["lineItem"]!["scoreMaximum"]!.GetValue<double>());
    }

    [Fact]
    public async Task DeepLinkResponse_WithoutADeepLinkingSession_IsRefused()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        host.Platform.LaunchClaimsFactory = (nonce, uri) => host.Platform.ResourceLinkClaims(nonce, uri, LtiConstants.Roles.Instructor);
        using var browser = host.Browser();
        var launch = await host.LaunchAsync(browser);
        var token = Uri.UnescapeDataString(launch.Headers.Location!.OriginalString.Split("s=")[1]);

        using var picker = await browser.GetAsync(new Uri("/lti/deep-link?s=" + Uri.EscapeDataString(token), UriKind.Relative), Cancel);
        using var response = await browser.PostAsync(new Uri("/lti/deep-link/response", UriKind.Relative), new FormUrlEncodedContent([new("s", token)]), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, picker.StatusCode);
        await LaunchEndpointTests.AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "lti.session_missing");
    }

    [Fact]
    public async Task KeySet_PublishesPublicKeysOnly_AndKeepsTheRetiredKeyAfterRotation()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var browser = host.Browser();

        var before = JsonNode.Parse(await browser.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Cancel))!;
        await host.Service.Services.GetRequiredService<KeyRing>().RotateAsync(KeyPurposes.Lti, null, "RS256", TimeSpan.FromDays(2), Cancel);
        host.Service.Services.GetRequiredService<KeyRingToolKeySetProvider>().Invalidate();
        var after = JsonNode.Parse(await browser.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Cancel))!;

        var first = Assert.Single(before["keys"]!.AsArray());
        Assert.Equal("RSA", first!["kty"]!.GetValue<string>());
        Assert.Null(first["d"]);
        var kids = after["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToList();
        Assert.Equal(2, kids.Count);
        Assert.Contains(first["kid"]!.GetValue<string>(), kids);
    }

    [Fact]
    public async Task CanvasConfiguration_NamesOurEndpointsAndPlacements()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        using var browser = host.Browser();

        var json = JsonNode.Parse(await browser.GetStringAsync(new Uri("/lti/config/canvas.json", UriKind.Relative), Cancel))!;

        Assert.Equal(host.LaunchUri, json["target_link_uri"]!.GetValue<string>());
        Assert.EndsWith("/lti/login", json["oidc_initiation_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/.well-known/jwks.json", json["public_jwk_url"]!.GetValue<string>(), StringComparison.Ordinal);
        var placements = json["extensions"]![0]!["settings"]!["placements"]!.AsArray().Select(p => p!["placement"]!.GetValue<string>());
        Assert.Equal(["course_navigation", "link_selection", "assignment_selection"], placements);
    }
}
