using System.Net;
using System.Security.Cryptography;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>
/// A built-in emulated LMS for the <c>demo</c> command: the pilot course served as an LTI 1.3 platform
/// (OIDC authorization, key set, token endpoint, NRPS, AGS) and as the Canvas REST API (course,
/// assignments, submissions, enrollments, outcome results, OAuth2), with a few pages to launch the tool.
/// It speaks Canvas's routes and shapes, so the tool treats it as any Canvas. Bind it to loopback only.
/// <code>await using var lms = await DemoLms.StartAsync(options, port: 5001, ct);</code>
/// </summary>
internal sealed class DemoLms : IAsyncDisposable, IDisposable
{
    private readonly RSA rsa;
    private WebApplication? app;

    public DemoLms(DemoLmsOptions options, TimeProvider timeProvider, Func<CancellationToken, Task<string>>? toolKeySet = null)
    {
        Options = options;
        TimeProvider = timeProvider;
        Course = PilotCourseBuilder.Build();
        rsa = RSA.Create(2048);
        SigningKey = new RsaSecurityKey(rsa) { KeyId = "demo-lms-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) };
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        ToolKeySet = toolKeySet ?? (ct => Http.GetStringAsync(options.ToolJwksUri, ct));
        PersonalAccessToken = "demo~" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Tokens = new DemoTokens(timeProvider);
        Throttle = new DemoThrottle(timeProvider);
        Tokens.AddCanvasToken(PersonalAccessToken, Course.Instructor.UserId);
        Modules = new DemoModules(timeProvider);
        DeveloperKeys = new DemoDeveloperKeys(options, timeProvider);
        Moodle = new Moodle.DemoMoodle(this);
    }

    /// <summary>The emulated Moodle site served under <c>/moodle</c> with the same course.</summary>
    public Moodle.DemoMoodle Moodle { get; }

    public DemoLmsOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public PilotCourse Course { get; }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>Reads the tool's public key set (JSON) to verify client assertions.</summary>
    public Func<CancellationToken, Task<string>> ToolKeySet { get; }

    public HttpClient Http { get; }

    /// <summary>A Canvas personal access token of the instructor, for the REST API without the OAuth2 dance.</summary>
    public string PersonalAccessToken { get; }

    public DemoTokens Tokens { get; }

    public DemoGradebook Gradebook { get; } = new();

    public DemoThrottle Throttle { get; }

    /// <summary>The course's module and the items Deep Linking put in it.</summary>
    public DemoModules Modules { get; }

    /// <summary>Admin &gt; Developer Keys: dynamic registration tokens and the tool's LTI developer key.</summary>
    public DemoDeveloperKeys DeveloperKeys { get; }

    /// <summary>The address the LMS listens on once started.</summary>
    public Uri? ListeningAt { get; private set; }

    /// <summary>Starts the LMS on 127.0.0.1:<paramref name="port"/> (0 picks a free port; then
    /// <see cref="DemoLmsOptions.Origin"/> must be given with the same port or built with <see cref="StartOnFreePortAsync"/>).</summary>
    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        app = builder.Build();
        DemoLtiEndpoints.Map(app, this);
        DemoCanvasEndpoints.Map(app, this);
        DemoPages.Map(app, this);
        DemoDeepLinking.Map(app, this);
        DemoRegistration.Map(app, this);
        Demo.Moodle.DemoMoodle.Map(app, this);
        await app.StartAsync(cancellationToken);
        ListeningAt = new Uri(app.Urls.First());
    }

    /// <summary>An LMS on a free loopback port whose origin is that port (tests).</summary>
    public static async Task<DemoLms> StartOnFreePortAsync(
        Uri toolOrigin,
        TimeProvider timeProvider,
        Func<CancellationToken, Task<string>>? toolKeySet,
        CancellationToken cancellationToken)
    {
        var port = FreePort();
        var lms = new DemoLms(new DemoLmsOptions { Origin = new Uri($"http://127.0.0.1:{port}"), ToolOrigin = toolOrigin }, timeProvider, toolKeySet);
        await lms.StartAsync(port, cancellationToken);
        return lms;
    }

    /// <summary>The public key set (<c>{"keys":[...]}</c>) the tool verifies id_tokens with.</summary>
    public string JwksJson()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId });
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", e = jwk.E, n = jwk.N, kid = jwk.Kid, alg = "RS256", use = "sig" },
            },
        });
    }

    /// <summary>Signs <paramref name="payloadJson"/> RS256 with the LMS's key.</summary>
    public string Sign(string payloadJson) =>
        new JsonWebTokenHandler().CreateToken(payloadJson, new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256));

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        rsa.Dispose();
        Moodle.Dispose();
        Http.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
