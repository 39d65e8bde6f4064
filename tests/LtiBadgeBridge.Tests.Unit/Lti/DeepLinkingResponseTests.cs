using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.DeepLinking;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class DeepLinkingResponseTests
{
    private static readonly ToolKeySet ToolKeys = new([new ToolKey("tool-2", TestRsaKeys.Get(3), ToolKeyStatus.Active)]);

    [Fact]
    public async Task Response_RoundTrip_VerifiesWithOurPublicKeyAndCarriesTheItems()
    {
        using var fixture = new LaunchFixture();
        var launch = await DeepLinkingLaunchAsync(fixture);
        var builder = new DeepLinkingResponseBuilder(fixture.Time);
        ContentItem[] items =
        [
            new LtiResourceLinkItem
            {
                Title = "Badges",
                Url = new Uri("https://tool.example.org/lti/launch"),
                Custom = new Dictionary<string, string> { ["badge"] = "capstone" },
                LineItem = new DeepLinkingLineItem(10, "Capstone", "badge-1"),
            },
            new LinkItem { Url = new Uri("https://tool.example.org/about"), Title = "About", DocumentTarget = "window" },
            new HtmlItem { Html = "<p>Earn it</p>" },
        ];

        var response = LtiAssert.Accepted(builder.Build(launch, items, ToolKeys, message: "Added"));

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(response.Jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = ToolKeys.PublicKeys,
            ValidIssuer = LaunchFixture.ClientId,
            ValidAudience = LaunchFixture.Issuer,
            ValidAlgorithms = ["RS256"],
            LifetimeValidator = (notBefore, expires, _, _) => expires > fixture.Time.GetUtcNow().UtcDateTime,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = (JsonWebToken)validation.SecurityToken;
        Assert.Equal("tool-2", jwt.Kid);
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload))!.AsObject();
        Assert.Equal(LtiConstants.MessageTypes.DeepLinkingResponse, payload[LtiConstants.Claims.MessageType]!.GetValue<string>());
        Assert.Equal(LtiConstants.LtiVersion, payload[LtiConstants.Claims.Version]!.GetValue<string>());
        Assert.Equal(LaunchFixture.DeploymentId, payload[LtiConstants.Claims.DeploymentId]!.GetValue<string>());
        Assert.Equal("opaque", payload[LtiConstants.Claims.Data]!.GetValue<string>());
        Assert.Equal("Added", payload[LtiConstants.Claims.Msg]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(payload["nonce"]!.GetValue<string>()));
        var contentItems = payload[LtiConstants.Claims.ContentItems]!.AsArray();
        Assert.Equal(["ltiResourceLink", "link", "html"], contentItems.Select(i => i!["type"]!.GetValue<string>()));
        Assert.Equal(10, contentItems[0]!["lineItem"]!["scoreMaximum"]!.GetValue<double>());
        Assert.Equal("capstone", contentItems[0]!["custom"]!["badge"]!.GetValue<string>());
        Assert.Equal(new Uri("https://platform.example.edu/deep_link_return"), response.ReturnUrl);
    }

    [Fact]
    public async Task Response_TypeThePlatformDoesNotAccept_IsRefused()
    {
        using var fixture = new LaunchFixture();
        var launch = await DeepLinkingLaunchAsync(fixture, settings => settings["accept_types"] = new JsonArray("ltiResourceLink"));

        var result = new DeepLinkingResponseBuilder(fixture.Time).Build(launch, [new HtmlItem { Html = "<p/>" }], ToolKeys);

        LtiAssert.Rejected(result, LtiErrorCodes.DeepLinkingTypeNotAccepted);
    }

    [Fact]
    public async Task Response_SeveralItemsWhenOneIsAccepted_IsRefused()
    {
        using var fixture = new LaunchFixture();
        var launch = await DeepLinkingLaunchAsync(fixture, settings => settings["accept_multiple"] = false);
        var link = new LinkItem { Url = new Uri("https://tool.example.org/") };

        LtiAssert.Rejected(new DeepLinkingResponseBuilder(fixture.Time).Build(launch, [link, link], ToolKeys), LtiErrorCodes.DeepLinkingMultipleNotAccepted);
    }

    [Fact]
    public async Task Response_LineItemWhenThePlatformDoesNotAcceptOne_IsLeftOut()
    {
        using var fixture = new LaunchFixture();
        var launch = await DeepLinkingLaunchAsync(fixture, settings => settings["accept_lineitem"] = false);
        var item = new LtiResourceLinkItem { LineItem = new DeepLinkingLineItem(10) };

        var response = LtiAssert.Accepted(new DeepLinkingResponseBuilder(fixture.Time).Build(launch, [item], ToolKeys));

        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(new JsonWebToken(response.Jwt).EncodedPayload))!;
        Assert.Null(payload[LtiConstants.Claims.ContentItems]![0]!["lineItem"]);
    }

    [Fact]
    public async Task Response_ForAResourceLinkLaunch_IsRefused()
    {
        using var fixture = new LaunchFixture();
        var launch = LtiAssert.Accepted(await fixture.LaunchAsync());

        LtiAssert.Rejected(new DeepLinkingResponseBuilder(fixture.Time).Build(launch, [], ToolKeys), LtiErrorCodes.DeepLinkingNotRequested);
    }

    [Fact]
    public void AutoPostForm_EncodesEverything()
    {
        var response = new DeepLinkingResponse(new Uri("https://lms.example/return?a=1&b=\"2\""), "x\"><script>alert(1)</script>");

        var html = response.ToAutoPostHtml(scriptNonce: "n\"1");

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("n\"1", html, StringComparison.Ordinal);
        Assert.Contains("name=\"JWT\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"https://lms.example/return?a=1&amp;b=%222%22\"", html, StringComparison.Ordinal);
        var (action, fields) = EmulatedPlatform.ParseAutoPostForm(html);
        Assert.Equal("x\"><script>alert(1)</script>", fields["JWT"]);
        Assert.Equal(response.ReturnUrl, action);
    }

    private static async Task<LtiLaunch> DeepLinkingLaunchAsync(LaunchFixture fixture, Action<JsonObject>? changeSettings = null)
    {
        var login = await fixture.LoginAsync();
        var claims = fixture.DeepLinkingClaims(login.Nonce);
        changeSettings?.Invoke(claims[LtiConstants.Claims.DeepLinkingSettings]!.AsObject());
        var result = await fixture.ValidateAsync(fixture.Signer.MintIdToken(claims), login.State, login.State);
        return LtiAssert.Accepted(result);
    }
}
