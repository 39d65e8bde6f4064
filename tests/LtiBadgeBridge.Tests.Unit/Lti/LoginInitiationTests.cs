using System.Web;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Login;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class LoginInitiationTests
{
    private static KeyValuePair<string, string?>[] Parameters(params (string Name, string? Value)[] extra) =>
    [
        new("iss", LaunchFixture.Issuer),
        new("login_hint", "hint-1"),
        new("target_link_uri", LaunchFixture.LaunchUri),
        new("client_id", LaunchFixture.ClientId),
        .. extra.Select(e => new KeyValuePair<string, string?>(e.Name, e.Value)),
    ];

    [Fact]
    public async Task Login_BuildsTheAuthorizationRequest()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LoginHandler.HandleAsync(Parameters(("lti_message_hint", "m&h=1")), TestContext.Current.CancellationToken);

        var login = LtiAssert.Accepted(result);
        var redirect = login.AuthorizationRedirect;
        Assert.Equal("https://platform.example.edu/auth", redirect.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(redirect.Query);
        Assert.Equal("openid", query["scope"]);
        Assert.Equal("id_token", query["response_type"]);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.Equal("none", query["prompt"]);
        Assert.Equal(LaunchFixture.ClientId, query["client_id"]);
        Assert.Equal(LaunchFixture.LaunchUri, query["redirect_uri"]);
        Assert.Equal("hint-1", query["login_hint"]);
        Assert.Equal("m&h=1", query["lti_message_hint"]);
        Assert.Equal(login.State, query["state"]);
        Assert.Equal(login.Nonce, query["nonce"]);
        Assert.NotEqual(login.State, login.Nonce);
        Assert.Equal(1, fixture.Nonces.Count);
    }

    [Fact]
    public void Parse_CanvasParameters_AreRead()
    {
        var result = LoginInitiationParser.Parse(Parameters(("lti_deployment_id", "dep-9"), ("lti_storage_target", "_parent")));

        var request = LtiAssert.Accepted(result);
        Assert.Equal("dep-9", request.DeploymentId);
        Assert.Equal("_parent", request.LtiStorageTarget);
    }

    [Fact]
    public void Parse_PlainDeploymentIdParameter_IsRead()
    {
        Assert.Equal("dep-3", LoginInitiationParser.Parse(Parameters(("deployment_id", "dep-3"))).Value?.DeploymentId);
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("login_hint")]
    [InlineData("target_link_uri")]
    [InlineData("client_id")]
    public void Parse_MissingRequiredParameter_IsRefused(string name)
    {
        var parameters = Parameters().Where(p => p.Key != name);

        LtiAssert.Rejected(LoginInitiationParser.Parse(parameters), LtiErrorCodes.LoginInvalid);
    }

    [Fact]
    public async Task Login_UnknownClientId_IsRefused()
    {
        using var fixture = new LaunchFixture();
        var parameters = Parameters().Select(p => p.Key == "client_id" ? new KeyValuePair<string, string?>("client_id", "nope") : p);

        LtiAssert.Rejected(await fixture.LoginHandler.HandleAsync(parameters, TestContext.Current.CancellationToken), LtiErrorCodes.RegistrationUnknown);
        Assert.Equal(0, fixture.Nonces.Count);
    }

    [Fact]
    public async Task Login_UnknownIssuer_IsRefused()
    {
        using var fixture = new LaunchFixture();
        var parameters = Parameters().Select(p => p.Key == "iss" ? new KeyValuePair<string, string?>("iss", "https://other.example") : p);

        LtiAssert.Rejected(await fixture.LoginHandler.HandleAsync(parameters, TestContext.Current.CancellationToken), LtiErrorCodes.RegistrationUnknown);
    }

    [Fact]
    public async Task Login_TargetLinkUriOnAnotherHost_IsRefused()
    {
        using var fixture = new LaunchFixture();
        var parameters = Parameters().Select(p => p.Key == "target_link_uri" ? new KeyValuePair<string, string?>("target_link_uri", "https://evil.example/") : p);

        LtiAssert.Rejected(await fixture.LoginHandler.HandleAsync(parameters, TestContext.Current.CancellationToken), LtiErrorCodes.TargetLinkUriForeign);
    }

    [Fact]
    public async Task Login_OverlongParameter_IsRefused()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LoginHandler.HandleAsync(Parameters(("lti_message_hint", new string('x', 10_000))), TestContext.Current.CancellationToken);

        LtiAssert.Rejected(result, LtiErrorCodes.LoginInvalid);
    }
}
