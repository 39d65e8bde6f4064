using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Messages;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class LaunchAcceptanceTests
{
    [Fact]
    public async Task Launch_ValidResourceLink_IsAcceptedWithTypedClaims()
    {
        using var fixture = new LaunchFixture();

        var launch = LtiAssert.Accepted(await fixture.LaunchAsync());

        Assert.Equal("reg-1", launch.Registration.Id);
        Assert.Equal(LaunchFixture.DeploymentId, launch.DeploymentId);
        Assert.Equal("user-1", launch.Subject);
        Assert.Equal(LtiRoleKind.Learner, launch.Roles);
        Assert.Equal("course-1", launch.Message.Context?.Id);
        Assert.Equal("rl-1", launch.Message.ResourceLink?.Id);
    }

    [Fact]
    public async Task Launch_ValidDeepLinkingRequest_IsAccepted()
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();

        var result = await fixture.ValidateAsync(fixture.Signer.MintIdToken(fixture.DeepLinkingClaims(login.Nonce)), login.State, login.State);

        var launch = LtiAssert.Accepted(result);
        Assert.True(launch.Message.IsDeepLinkingRequest);
        Assert.Equal("opaque", launch.Message.DeepLinkingSettings?.Data);
        Assert.Equal(LtiRoleKind.Instructor, launch.Roles);
    }

    [Fact]
    public async Task Launch_WithoutContextClaim_IsAccepted()
    {
        using var fixture = new LaunchFixture();

        var launch = LtiAssert.Accepted(await fixture.LaunchAsync(c => c.Remove(LtiConstants.Claims.Context)));

        Assert.Null(launch.Message.Context);
    }

    [Fact]
    public async Task Launch_TwoAudiencesWithAzpOfOurClient_IsAccepted()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c =>
        {
            c["aud"] = new System.Text.Json.Nodes.JsonArray("other-client", LaunchFixture.ClientId);
            c["azp"] = LaunchFixture.ClientId;
        });

        LtiAssert.Accepted(result);
    }
}
