using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Lti.Services;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Integration.Lti;

/// <summary>Service clients wired against one emulated platform, with the tool's key and a fake clock.</summary>
internal sealed class ServiceClientFixture : IDisposable
{
    public ServiceClientFixture(PlatformFlavour flavour)
    {
        Platform = flavour == PlatformFlavour.Canvas ? EmulatedPlatform.StartCanvas() : EmulatedPlatform.StartMoodle();
        Registration = Platform.Registration();
        ToolKeys = new ToolKeySet([new ToolKey("tool-key-1", TestRsaKeys.Get(5), ToolKeyStatus.Active)]);
        var options = Options.Create(new LtiToolOptions { LaunchUri = new Uri("https://tool.example.org/lti/launch"), UserAgent = "LtiBadgeBridge-Tests/1.0" });
        Tokens = new LtiAccessTokenClient(Http, new StaticToolKeySetProvider(ToolKeys), Time, options);
        Ags = new AgsClient(Http, Tokens, options);
        Nrps = new NrpsClient(Http, Tokens, options);
    }

    public EmulatedPlatform Platform { get; }

    public PlatformRegistration Registration { get; }

    public ToolKeySet ToolKeys { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public HttpClient Http { get; } = new();

    public LtiAccessTokenClient Tokens { get; }

    public AgsClient Ags { get; }

    public NrpsClient Nrps { get; }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Score ScoreFor(string userId, double given, double? maximum = 10) => new()
    {
        UserId = userId,
        ScoreGiven = given,
        ScoreMaximum = maximum,
        Timestamp = Time.GetUtcNow(),
        ActivityProgress = "Completed",
        GradingProgress = "FullyGraded",
    };

    public void Dispose()
    {
        Http.Dispose();
        Platform.Dispose();
    }
}
