using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Tests.Integration.Lti;

/// <summary>Login initiation, the platform's authorization endpoint over HTTP, and launch validation with
/// the key set fetched from the platform, against both emulated platforms.</summary>
public sealed class LaunchRoundTripTests
{
    private const string LaunchUri = "https://tool.example.org/lti/launch";

    [Theory]
    [InlineData(PlatformFlavour.Canvas)]
    [InlineData(PlatformFlavour.Moodle)]
    public async Task Launch_FullRoundTrip_IsAccepted(PlatformFlavour flavour)
    {
        using var platform = flavour == PlatformFlavour.Canvas ? EmulatedPlatform.StartCanvas() : EmulatedPlatform.StartMoodle();
        platform.RegisteredRedirectUris.Add(LaunchUri);
        using var http = new HttpClient();
        var registrations = new InMemoryRegistrationStore();
        registrations.Add(platform.Registration(), platform.DeploymentId);
        var nonces = new InMemoryNonceStore();
        var options = Options.Create(new LtiToolOptions { LaunchUri = new Uri(LaunchUri) });
        var login = new LoginInitiationHandler(registrations, nonces, options, TimeProvider.System);
        var validator = new LaunchValidator(registrations, nonces, new PlatformKeySetCache(http, TimeProvider.System), options, TimeProvider.System);
        var cancellationToken = TestContext.Current.CancellationToken;

        var started = await login.HandleAsync(platform.LoginInitiationParameters(LaunchUri), cancellationToken);
        Assert.True(started.IsSuccess, started.Error?.ToString());
        var html = await http.GetStringAsync(started.Value.AuthorizationRedirect, cancellationToken);
        var (action, fields) = EmulatedPlatform.ParseAutoPostForm(html);
        var result = await validator.ValidateAsync(
            new LaunchRequest { IdToken = fields["id_token"], PostedState = fields["state"], BrowserState = started.Value.State },
            cancellationToken);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(LaunchUri, action.AbsoluteUri);
        Assert.Equal("message-hint-user-1", platform.LastAuthorizationRequest!["lti_message_hint"]);
        Assert.Equal(LtiRoleKind.Learner, result.Value.Roles);
        Assert.Equal(platform.LineItemsUrl, result.Value.Message.AgsEndpoint?.LineItems);
        Assert.Equal(platform.MembershipsUrl, result.Value.Message.NamesRoleService?.ContextMembershipsUrl);
        Assert.Equal(flavour == PlatformFlavour.Canvas ? "course_navigation" : null, result.Value.Message.Canvas.Placement);
    }

    [Fact]
    public async Task Login_RedirectUriWithDifferentTrailingSlash_IsRefusedByThePlatform()
    {
        using var platform = EmulatedPlatform.StartCanvas();
        platform.RegisteredRedirectUris.Add(LaunchUri + "/");
        using var http = new HttpClient();
        var registrations = new InMemoryRegistrationStore();
        registrations.Add(platform.Registration(), platform.DeploymentId);
        var login = new LoginInitiationHandler(
            registrations, new InMemoryNonceStore(), Options.Create(new LtiToolOptions { LaunchUri = new Uri(LaunchUri) }), TimeProvider.System);

        var started = await login.HandleAsync(platform.LoginInitiationParameters(LaunchUri), TestContext.Current.CancellationToken);
        using var response = await http.GetAsync(started.Value!.AuthorizationRedirect, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
