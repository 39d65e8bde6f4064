using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.DynamicRegistration;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Tests.Integration.Lti;

public sealed class DynamicRegistrationTests : IDisposable
{
    private static readonly ToolDescription Tool = new()
    {
        ClientName = "LtiBadgeBridge",
        LaunchUri = new Uri("https://tool.example.org/lti/launch"),
        LoginInitiationUri = new Uri("https://tool.example.org/lti/login"),
        JwksUri = new Uri("https://tool.example.org/.well-known/jwks.json"),
    };

    private readonly HttpClient _http = new();
    private readonly DynamicRegistrationClient _client;

    public DynamicRegistrationTests() =>
        _client = new DynamicRegistrationClient(_http, Options.Create(new LtiToolOptions { LaunchUri = Tool.LaunchUri }));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_Canvas_ProducesARegistrationWithCanvasPlacements()
    {
        using var platform = EmulatedPlatform.StartCanvas(issuerIsOrigin: true);

        var configuration = await _client.GetPlatformConfigurationAsync(platform.OpenIdConfigurationUrl, platform.RegistrationToken, Cancel);
        Assert.True(configuration.IsSuccess, configuration.Error?.ToString());
        var result = await _client.RegisterAsync(configuration.Value, ToolRegistrationRequestBuilder.Build(Tool, configuration.Value), platform.RegistrationToken, Cancel);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(ProductFamily.Canvas, configuration.Value.ProductFamily);
        Assert.Equal(platform.ClientId, result.Value.ClientId);
        Assert.Equal(platform.DeploymentId, result.Value.DeploymentId);
        Assert.False(result.Value.RequiresPlatformActivation);
        Assert.Contains(LtiConstants.Scopes.Score, result.Value.GrantedScopes);
        var sent = platform.LastRegistrationRequest!;
        Assert.Equal("public", sent[LtiConstants.DynamicRegistration.ToolConfiguration]![LtiConstants.Canvas.PrivacyLevel]!.GetValue<string>());
        var registration = configuration.Value.ToRegistration("reg-9", result.Value);
        Assert.Equal(platform.TokenAudience, registration.EffectiveTokenAudience);
        Assert.Equal(platform.JwksUri, registration.JwksUri);
    }

    [Fact]
    public async Task Register_Moodle_ReportsThatTheAdminMustActivateTheTool()
    {
        using var platform = EmulatedPlatform.StartMoodle();

        var configuration = await _client.GetPlatformConfigurationAsync(platform.OpenIdConfigurationUrl, platform.RegistrationToken, Cancel);
        var result = await _client.RegisterAsync(configuration.Value!, ToolRegistrationRequestBuilder.Build(Tool, configuration.Value!), platform.RegistrationToken, Cancel);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(ProductFamily.Moodle, configuration.Value!.ProductFamily);
        Assert.Equal(platform.DeploymentId, result.Value.DeploymentId);
        Assert.True(result.Value.RequiresPlatformActivation);
        Assert.Null(platform.LastRegistrationRequest![LtiConstants.DynamicRegistration.ToolConfiguration]![LtiConstants.Canvas.PrivacyLevel]);
        Assert.Equal(platform.TokenEndpoint.AbsoluteUri, configuration.Value.ToRegistration("r", result.Value).EffectiveTokenAudience);
    }

    [Fact]
    public async Task Register_AdminCutTheScopes_RecordsOnlyTheGrantedOnes()
    {
        using var platform = EmulatedPlatform.StartMoodle();
        platform.ScopesToGrant = [LtiConstants.Scopes.ContextMembershipReadOnly];

        var configuration = await _client.GetPlatformConfigurationAsync(platform.OpenIdConfigurationUrl, platform.RegistrationToken, Cancel);
        var result = await _client.RegisterAsync(configuration.Value!, ToolRegistrationRequestBuilder.Build(Tool, configuration.Value!), platform.RegistrationToken, Cancel);

        Assert.Equal([LtiConstants.Scopes.ContextMembershipReadOnly], result.Value!.GrantedScopes);
        Assert.Equal([LtiConstants.Scopes.ContextMembershipReadOnly], configuration.Value!.ToRegistration("r", result.Value).GrantedScopes);
    }

    [Fact]
    public async Task Configuration_IssuerOnAnotherHost_IsRefused()
    {
        using var platform = EmulatedPlatform.StartMoodle();
        platform.ConfigurationIssuerOverride = "https://evil.example";

        var configuration = await _client.GetPlatformConfigurationAsync(platform.OpenIdConfigurationUrl, platform.RegistrationToken, Cancel);

        Assert.Equal(LtiErrorCodes.RegistrationConfigurationInvalid, configuration.Error?.Code);
    }

    [Fact]
    public async Task Configuration_CanvasCloudIssuerFromALocalHost_IsRefused()
    {
        using var platform = EmulatedPlatform.StartCanvas();

        var configuration = await _client.GetPlatformConfigurationAsync(platform.OpenIdConfigurationUrl, platform.RegistrationToken, Cancel);

        Assert.Equal(LtiErrorCodes.RegistrationConfigurationInvalid, configuration.Error?.Code);
    }

    [Fact]
    public async Task Configuration_WithoutTheRegistrationToken_IsRefused()
    {
        using var platform = EmulatedPlatform.StartMoodle();

        var configuration = await _client.GetPlatformConfigurationAsync(platform.OpenIdConfigurationUrl, registrationToken: null, Cancel);

        Assert.Equal(LtiErrorCodes.RegistrationConfigurationInvalid, configuration.Error?.Code);
    }

    public void Dispose() => _http.Dispose();
}
