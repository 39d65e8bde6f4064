using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class NonceAndDeploymentStepTests
{
    [Fact]
    public async Task Launch_WithoutNonce_IsRejected()
    {
        using var fixture = new LaunchFixture();

        LtiAssert.Rejected(await fixture.LaunchAsync(c => c.Remove("nonce")), LtiErrorCodes.NonceMissing);
    }

    [Fact]
    public async Task Launch_NonceWeNeverIssued_IsRejected()
    {
        using var fixture = new LaunchFixture();

        LtiAssert.Rejected(await fixture.LaunchAsync(c => c["nonce"] = "made-up"), LtiErrorCodes.NonceUnknown);
    }

    [Fact]
    public async Task Launch_ReplayedNonce_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();
        var token = fixture.Signer.MintIdToken(fixture.ResourceLinkClaims(login.Nonce));
        LtiAssert.Accepted(await fixture.ValidateAsync(token, login.State, login.State));

        LtiAssert.Rejected(await fixture.ValidateAsync(token, login.State, login.State), LtiErrorCodes.NonceReplayed);
    }

    [Fact]
    public async Task Launch_ConcurrentPostsOfOneToken_ExactlyOneWins()
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();
        var token = fixture.Signer.MintIdToken(fixture.ResourceLinkClaims(login.Nonce));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => fixture.ValidateAsync(token, login.State, login.State))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(LtiErrorCodes.NonceReplayed, r.Error!.Code));
    }

    [Fact]
    public async Task Launch_AfterTheLoginExpired_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();
        fixture.Time.Advance(fixture.Options.LoginLifetime + TimeSpan.FromSeconds(1));
        var token = fixture.Signer.MintIdToken(fixture.ResourceLinkClaims(login.Nonce));

        LtiAssert.Rejected(await fixture.ValidateAsync(token, login.State, login.State), LtiErrorCodes.NonceUnknown);
    }

    [Fact]
    public async Task Launch_WithoutDeploymentId_IsRejected()
    {
        using var fixture = new LaunchFixture();

        LtiAssert.Rejected(await fixture.LaunchAsync(c => c.Remove(LtiConstants.Claims.DeploymentId)), LtiErrorCodes.DeploymentMissing);
    }

    [Fact]
    public async Task Launch_NewDeploymentUnderAutomaticPolicy_IsRecordedAndAccepted()
    {
        using var fixture = new LaunchFixture(DeploymentPolicy.RecordAutomatically);

        LtiAssert.Accepted(await fixture.LaunchAsync(c => c[LtiConstants.Claims.DeploymentId] = "course-copy-deployment"));

        Assert.Equal(DeploymentState.Active, fixture.Registrations.FindDeployment("reg-1", "course-copy-deployment"));
    }

    [Fact]
    public async Task Launch_NewDeploymentUnderApprovalPolicy_IsHeldPending()
    {
        using var fixture = new LaunchFixture(DeploymentPolicy.RequireApproval);

        var result = await fixture.LaunchAsync(c => c[LtiConstants.Claims.DeploymentId] = "new-deployment");

        LtiAssert.Rejected(result, LtiErrorCodes.DeploymentPending);
        Assert.Equal(DeploymentState.Pending, fixture.Registrations.FindDeployment("reg-1", "new-deployment"));
    }

    [Fact]
    public async Task Launch_DisabledDeployment_IsRejected()
    {
        using var fixture = new LaunchFixture();
        fixture.Registrations.SetDeployment("reg-1", LaunchFixture.DeploymentId, DeploymentState.Disabled);

        LtiAssert.Rejected(await fixture.LaunchAsync(), LtiErrorCodes.DeploymentUnknown);
    }
}
