using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Lti.Services;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Web.Demo;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>One demo LMS on a free loopback port, shared by a test class, with the tool's key set and the
/// protocol library's clients pointed at it. The tool itself is not running: its key set is given directly.</summary>
public sealed class DemoLmsFixture : IAsyncLifetime
{
    public static readonly Uri ToolOrigin = new("http://127.0.0.1:1");

    internal DemoLms Lms { get; private set; } = null!;

    public ToolKeySet ToolKeys { get; } = new([new ToolKey("tool-key-1", TestRsaKeys.Get(5), ToolKeyStatus.Active)]);

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public IOptions<LtiToolOptions> ToolOptions { get; } = Options.Create(new LtiToolOptions { LaunchUri = new Uri(ToolOrigin, "/lti/launch") });

    /// <summary>The registration as the tool would store it for the demo LMS.</summary>
    public PlatformRegistration Registration => new()
    {
        Id = "demo-lms",
        Issuer = Lms.Options.Issuer,
        ClientId = Lms.Options.ClientId,
        AuthorizationEndpoint = Lms.Options.AuthorizationEndpoint,
        TokenEndpoint = Lms.Options.TokenEndpoint,
        JwksUri = Lms.Options.JwksUri,
        ProductFamily = ProductFamily.Canvas,
    };

    public LtiAccessTokenClient Tokens() => new(Http, new StaticToolKeySetProvider(ToolKeys), TimeProvider.System, ToolOptions);

    public async ValueTask InitializeAsync() =>
        Lms = await DemoLms.StartOnFreePortAsync(ToolOrigin, TimeProvider.System, _ => Task.FromResult(ToolKeys.JwksJson), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Lms.DisposeAsync();
    }
}
