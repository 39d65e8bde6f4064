using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Launch.Steps;
using LtiBadgeBridge.Lti.Messages;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class ClaimStepTests
{
    [Fact]
    public async Task Launch_UnknownIssuer_IsRejected()
    {
        using var fixture = new LaunchFixture();

        LtiAssert.Rejected(await fixture.LaunchAsync(c => c["iss"] = "https://evil.example"), LtiErrorCodes.RegistrationUnknown);
    }

    [Fact]
    public async Task Launch_UnknownClientId_IsRejected()
    {
        using var fixture = new LaunchFixture();

        LtiAssert.Rejected(await fixture.LaunchAsync(c => c["aud"] = "client-2"), LtiErrorCodes.RegistrationUnknown);
    }

    [Fact]
    public async Task IssuerStep_IssuerDifferingOnlyInCase_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var context = ContextFor(fixture, new LtiMessage { Issuer = LaunchFixture.Issuer.ToUpperInvariant() });

        var error = await new IssuerStep().ValidateAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(LtiErrorCodes.IssMismatch, error?.Code);
    }

    [Fact]
    public async Task AudienceStep_AudienceWithoutOurClient_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var context = ContextFor(fixture, new LtiMessage { Audiences = ["someone-else"] });

        var error = await new AudienceStep().ValidateAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(LtiErrorCodes.AudMismatch, error?.Code);
    }

    [Fact]
    public async Task Launch_SeveralAudiencesWithoutAzp_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c["aud"] = new JsonArray(LaunchFixture.ClientId, "untrusted"));

        LtiAssert.Rejected(result, LtiErrorCodes.AzpInvalid);
    }

    [Fact]
    public async Task Launch_AzpOfAnotherClient_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c["azp"] = "untrusted");

        LtiAssert.Rejected(result, LtiErrorCodes.AzpInvalid);
    }

    [Fact]
    public async Task Launch_ExpiredBeyondSkew_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var now = fixture.Time.GetUtcNow().ToUnixTimeSeconds();

        var result = await fixture.LaunchAsync(c =>
        {
            c["iat"] = now - 600;
            c["exp"] = now - 121;
        });

        LtiAssert.Rejected(result, LtiErrorCodes.TokenExpired);
    }

    [Fact]
    public async Task Launch_ExpiredWithinSkew_IsAccepted()
    {
        using var fixture = new LaunchFixture();
        var now = fixture.Time.GetUtcNow().ToUnixTimeSeconds();

        var result = await fixture.LaunchAsync(c =>
        {
            c["iat"] = now - 600;
            c["exp"] = now - 60;
        });

        LtiAssert.Accepted(result);
    }

    [Fact]
    public async Task Launch_WithoutExp_IsRejected()
    {
        using var fixture = new LaunchFixture();

        LtiAssert.Rejected(await fixture.LaunchAsync(c => c.Remove("exp")), LtiErrorCodes.TokenExpired);
    }

    [Fact]
    public async Task Launch_IssuedInTheFutureBeyondSkew_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var now = fixture.Time.GetUtcNow().ToUnixTimeSeconds();

        var result = await fixture.LaunchAsync(c =>
        {
            c["iat"] = now + 300;
            c["exp"] = now + 600;
        });

        LtiAssert.Rejected(result, LtiErrorCodes.IatInFuture);
    }

    [Fact]
    public async Task Launch_ConfiguredSkewAboveTheBound_IsCappedAtTenMinutes()
    {
        using var fixture = new LaunchFixture(configure: o => o.ClockSkew = TimeSpan.FromHours(5));
        var now = fixture.Time.GetUtcNow().ToUnixTimeSeconds();

        var result = await fixture.LaunchAsync(c =>
        {
            c["iat"] = now - 7200;
            c["exp"] = now - 3600;
        });

        LtiAssert.Rejected(result, LtiErrorCodes.TokenExpired);
    }

    [Fact]
    public async Task Launch_UnsupportedMessageType_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c[LtiConstants.Claims.MessageType] = "LtiSubmissionReviewRequest");

        LtiAssert.Rejected(result, LtiErrorCodes.MessageTypeUnsupported);
    }

    [Fact]
    public async Task Launch_Version11_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c[LtiConstants.Claims.Version] = "1.1");

        LtiAssert.Rejected(result, LtiErrorCodes.VersionUnsupported);
    }

    [Theory]
    [InlineData("sub")]
    [InlineData(LtiConstants.Claims.Roles)]
    [InlineData(LtiConstants.Claims.ResourceLink)]
    [InlineData(LtiConstants.Claims.TargetLinkUri)]
    public async Task Launch_RequiredClaimAbsent_IsRejected(string claim)
    {
        using var fixture = new LaunchFixture();

        LtiAssert.Rejected(await fixture.LaunchAsync(c => c.Remove(claim)), LtiErrorCodes.ClaimMissing);
    }

    [Fact]
    public async Task Launch_ResourceLinkOfWrongShape_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c[LtiConstants.Claims.ResourceLink] = new JsonArray("rl-1"));

        LtiAssert.Rejected(result, LtiErrorCodes.ClaimMissing);
    }

    [Fact]
    public async Task Launch_DeepLinkingWithoutSettings_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c =>
        {
            c[LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingRequest;
            c.Remove(LtiConstants.Claims.ResourceLink);
        });

        LtiAssert.Rejected(result, LtiErrorCodes.ClaimMissing);
    }

    [Theory]
    [InlineData("https://evil.example/lti/launch")]
    [InlineData("https://tool.example.org.evil.example/lti/launch")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative")]
    public async Task Launch_TargetLinkUriOffOurHost_IsRejected(string target)
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c[LtiConstants.Claims.TargetLinkUri] = target);

        LtiAssert.Rejected(result, LtiErrorCodes.TargetLinkUriForeign);
    }

    private static LaunchValidationContext ContextFor(LaunchFixture fixture, LtiMessage message) =>
        new(new LaunchRequest { IdToken = null, PostedState = null, BrowserState = null })
        {
            Message = message,
            Registration = fixture.Registration,
        };
}
