using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Unit.Lti;

/// <summary>A tool with one registered platform, in memory, with a fake clock and a real platform key.</summary>
internal sealed class LaunchFixture : IDisposable
{
    public const string Issuer = "https://platform.example.edu";
    public const string ClientId = "client-1";
    public const string DeploymentId = "deployment-1";
    public const string LaunchUri = "https://tool.example.org/lti/launch";

    public LaunchFixture(DeploymentPolicy policy = DeploymentPolicy.RecordAutomatically, Action<LtiToolOptions>? configure = null)
    {
        Options = new LtiToolOptions { LaunchUri = new Uri(LaunchUri) };
        configure?.Invoke(Options);
        Registration = new PlatformRegistration
        {
            Id = "reg-1",
            Issuer = Issuer,
            ClientId = ClientId,
            AuthorizationEndpoint = new Uri("https://platform.example.edu/auth"),
            TokenEndpoint = new Uri("https://platform.example.edu/token"),
            JwksUri = new Uri("https://platform.example.edu/jwks"),
            DeploymentPolicy = policy,
        };
        Registrations.Add(Registration, DeploymentId);
        Keys = new StaticPlatformKeyResolver(Signer.JwksJson());
        Validator = new LaunchValidator(Registrations, Nonces, Keys, Microsoft.Extensions.Options.Options.Create(Options), Time);
        LoginHandler = new LoginInitiationHandler(Registrations, Nonces, Microsoft.Extensions.Options.Options.Create(Options), Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public LtiToolOptions Options { get; }

    public PlatformRegistration Registration { get; }

    public InMemoryRegistrationStore Registrations { get; } = new();

    public InMemoryNonceStore Nonces { get; } = new();

    public PlatformTokenSigner Signer { get; } = new();

    public StaticPlatformKeyResolver Keys { get; }

    public LaunchValidator Validator { get; }

    public LoginInitiationHandler LoginHandler { get; }

    /// <summary>Starts a login as the platform would and returns the issued state and nonce.</summary>
    public async Task<LoginInitiationResult> LoginAsync()
    {
        var result = await LoginHandler.HandleAsync(
            [
                new("iss", Issuer),
                new("login_hint", "user-1"),
                new("target_link_uri", LaunchUri),
                new("client_id", ClientId),
            ],
            TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    /// <summary>A valid LtiResourceLinkRequest payload for <paramref name="nonce"/>.</summary>
    public JsonObject ResourceLinkClaims(string nonce)
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = "user-1",
            ["iat"] = now,
            ["exp"] = now + 60,
            ["nonce"] = nonce,
            [LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.ResourceLinkRequest,
            [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
            [LtiConstants.Claims.DeploymentId] = DeploymentId,
            [LtiConstants.Claims.TargetLinkUri] = LaunchUri,
            [LtiConstants.Claims.ResourceLink] = new JsonObject { ["id"] = "rl-1" },
            [LtiConstants.Claims.Context] = new JsonObject { ["id"] = "course-1", ["title"] = "Biology" },
            [LtiConstants.Claims.Roles] = new JsonArray(LtiConstants.Roles.Learner),
        };
    }

    /// <summary>A valid LtiDeepLinkingRequest payload for <paramref name="nonce"/>.</summary>
    public JsonObject DeepLinkingClaims(string nonce)
    {
        var claims = ResourceLinkClaims(nonce);
        claims.Remove(LtiConstants.Claims.ResourceLink);
        claims[LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingRequest;
        claims[LtiConstants.Claims.Roles] = new JsonArray(LtiConstants.Roles.Instructor);
        claims[LtiConstants.Claims.DeepLinkingSettings] = new JsonObject
        {
            ["deep_link_return_url"] = "https://platform.example.edu/deep_link_return",
            ["accept_types"] = new JsonArray("ltiResourceLink", "link", "html"),
            ["accept_multiple"] = true,
            ["accept_lineitem"] = true,
            ["data"] = "opaque",
        };
        return claims;
    }

    public Task<LtiResult<LtiLaunch>> ValidateAsync(string? idToken, string? postedState, string? browserState) =>
        Validator.ValidateAsync(
            new LaunchRequest { IdToken = idToken, PostedState = postedState, BrowserState = browserState },
            TestContext.Current.CancellationToken);

    /// <summary>Logs in, lets <paramref name="customize"/> change the claims, signs them and validates.</summary>
    public async Task<LtiResult<LtiLaunch>> LaunchAsync(Action<JsonObject>? customize = null, Func<JsonObject, string>? sign = null)
    {
        var login = await LoginAsync();
        var claims = ResourceLinkClaims(login.Nonce);
        customize?.Invoke(claims);
        var idToken = sign is null ? Signer.MintIdToken(claims) : sign(claims);
        return await ValidateAsync(idToken, login.State, login.State);
    }

    public void Dispose() => Signer.Dispose();
}
