using System.Globalization;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Web.Cli;
using LtiBadgeBridge.Web.Demo.Data;
using LtiBadgeBridge.Web.Hosting;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>
/// <c>demo</c>: runs the service on the embedded default (SQLite in <c>data/demo</c>) together with the
/// emulated LMS on a second loopback port, registers the LMS as a Canvas platform, and prints where to
/// start. Options: <c>--port</c> (the service, default 5000), <c>--lms-port</c> (default 5001),
/// <c>--no-achievement</c> (do not define the pilot achievement), <c>--register-in-lms</c> (start with the tool NOT
/// registered: an admin registers it in the LMS by LTI Dynamic Registration and enters the Canvas API key in the
/// tool's admin console); any other setting as for <c>serve</c> (e.g. <c>--Database:DataDirectory=...</c>). The admin
/// console's operator token is generated and printed at start unless <c>--Service:OperatorToken</c> is given.
/// </summary>
internal static partial class DemoCommand
{
    public const int DefaultPort = 5000;
    public const int DefaultLmsPort = 5001;

    /// <summary>Starts the demo without the pilot achievement (to define one in the editor).</summary>
    public const string NoAchievementFlag = "--no-achievement";

    /// <summary>Starts with the tool not registered in the LMS: the admin registers it (Admin &gt; Developer Keys).</summary>
    public const string RegisterInLmsFlag = "--register-in-lms";

    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        if (ReadPort(commandLine, "--port", DefaultPort) is not { } port || ReadPort(commandLine, "--lms-port", DefaultLmsPort) is not { } lmsPort || port == lmsPort)
        {
            await Console.Error.WriteLineAsync("error: --port and --lms-port must be two different port numbers between 1 and 65535.");
            return CliApp.ExitUsage;
        }

        var toolOrigin = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var lmsOrigin = new Uri($"http://127.0.0.1:{lmsPort.ToString(CultureInfo.InvariantCulture)}");
        var registerInLms = commandLine.HostArgs.Contains(RegisterInLmsFlag);
        // The admin console needs an operator login (the Moodle token and the Canvas API key are entered there).
        var operatorToken = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var app = ServiceHost.Build(HostArgs(commandLine, toolOrigin, operatorToken), HostRole.All);
        await using (app)
        {
            await ServiceHost.PrepareAsync(app, CancellationToken.None);
            ServiceHost.MapEndpoints(app);

            var timeProvider = app.Services.GetRequiredService<TimeProvider>();
            var options = new DemoLmsOptions { Origin = lmsOrigin, ToolOrigin = toolOrigin, RegisteredAtStart = !registerInLms };
            await using var lms = new DemoLms(options, timeProvider);
            if (!registerInLms)
            {
                var platform = await RegisterAsync(app.Services, options, CancellationToken.None);
                await ConfigureSyncAsync(app.Services, platform, lms, CancellationToken.None);
                if (!commandLine.HostArgs.Contains(NoAchievementFlag))
                {
                    await SeedPilotAchievementAsync(app.Services, platform, lms, CancellationToken.None);
                }
            }

            try
            {
                await lms.StartAsync(lmsPort, CancellationToken.None);
                await app.StartAsync();
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"error: cannot listen on 127.0.0.1:{port} and 127.0.0.1:{lmsPort} ({ex.Message}); choose other ports with --port and --lms-port.");
                return CliApp.ExitConfig;
            }

            if (registerInLms)
            {
                Console.WriteLine(DemoRegistrationGuide.Text(options, operatorToken, app.Services));
                await app.WaitForShutdownAsync();
                return CliApp.ExitOk;
            }

            Console.WriteLine($"""

                Demo running. Open {lmsOrigin.AbsoluteUri} to start.
                  Demo LMS (an emulated Canvas course, "Cloud Computing", 43 learners): {lmsOrigin.AbsoluteUri}
                  Badge service:                                                      {toolOrigin.AbsoluteUri}
                  Platform registered: issuer {options.Issuer}, client id {options.ClientId}, deployment {options.DeploymentId}
                  Canvas REST API: {lmsOrigin.AbsoluteUri}api/v1 (personal access token printed only here: {lms.PersonalAccessToken})
                  Demo Moodle (the same course; register the tool first): {lms.Moodle.ManageToolsUrl.AbsoluteUri}
                    course {lms.Moodle.CourseUrl.AbsoluteUri}, web service token on {lms.Moodle.ManageTokensUrl.AbsoluteUri}
                  Admin console: {new Uri(toolOrigin, "/admin").AbsoluteUri} (operator token {DemoRegistrationGuide.EffectiveToken(operatorToken, app.Services)})
                Press Ctrl+C to stop.
                """);
            await app.WaitForShutdownAsync();
            return CliApp.ExitOk;
        }
    }

    /// <summary>Registers the demo LMS as a Canvas platform with its deployment, active (idempotent).</summary>
    public static async Task<PlatformRegistration> RegisterAsync(IServiceProvider services, DemoLmsOptions options, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PlatformStore>();
        var platform = await store.UpsertAsync(
            new PlatformRegistration
            {
                Issuer = options.Issuer,
                ClientId = options.ClientId,
                Name = "Demo LMS (Cloud Computing pilot)",
                ProductFamily = ProductFamilies.Canvas,
                AuthorizationEndpoint = options.AuthorizationEndpoint.AbsoluteUri,
                TokenEndpoint = options.TokenEndpoint.AbsoluteUri,
                JwksUri = options.JwksUri.AbsoluteUri,
                DeploymentPolicy = DeploymentPolicies.Auto,
                RegistrationSource = "cli",
                GrantedScopes = string.Join(' ',
                    LtiConstants.Scopes.LineItem,
                    LtiConstants.Scopes.LineItemReadOnly,
                    LtiConstants.Scopes.ResultReadOnly,
                    LtiConstants.Scopes.Score,
                    LtiConstants.Scopes.ContextMembershipReadOnly),
            },
            cancellationToken);
        await store.EnsureDeploymentAsync(platform.Id, options.DeploymentId, DeploymentStatuses.Active, cancellationToken);
        return platform;
    }

    /// <summary>
    /// Configures course sync for the demo through the sync feature.s credential store
    /// (<see cref="LtiBadgeBridge.Sync.PlatformCredentialsStore"/>): saves the demo LMS's REST API developer key
    /// for the platform, records the demo course, and connects it with a Canvas OAuth2 token pair of the
    /// instructor, so the first launch's sync can read the gradebook at once.
    /// </summary>
    internal static async Task ConfigureSyncAsync(IServiceProvider services, PlatformRegistration platform, DemoLms lms, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<LtiBadgeBridge.Sync.PlatformCredentialsStore>();
        var options = lms.Options;
        await store.SaveCanvasAsync(platform.Id, options.Origin, options.ApiClientId, options.ApiClientSecret, cancellationToken);
        var course = await services.GetRequiredService<CourseStore>().UpsertFromLaunchAsync(
            new Course
            {
                PlatformId = platform.Id,
                DeploymentId = options.DeploymentId,
                ContextId = lms.Course.ContextId,
                LmsCourseId = PilotCourse.CourseId.ToString(CultureInfo.InvariantCulture),
                Title = lms.Course.Name,
                Label = lms.Course.CourseCode,
                AgsLineitemsUrl = options.LineItemsUrl.AbsoluteUri,
                NrpsMembershipsUrl = options.MembershipsUrl.AbsoluteUri,
            },
            cancellationToken);
        var instructor = lms.Course.Instructor;
        var (access, refresh) = lms.Tokens.IssueCanvasTokens(instructor.UserId);
        var token = new CanvasOAuthToken
        {
            AccessToken = access,
            RefreshToken = refresh,
            ExpiresAt = lms.TimeProvider.GetUtcNow() + DemoTokens.Lifetime,
            CanvasUserId = instructor.UserId,
        };
        await store.SaveCourseTokenAsync(platform.Id, course.Id, token, cancellationToken);
    }

    /// <summary>
    /// Defines the pilot's Cloud Computing achievement (<c>config/achievements/cloud-computing.yaml</c>,
    /// embedded) for the demo course unless the course already has achievements, so that the first sync
    /// ends with badges. <c>--no-achievement</c> starts without it, to define one in the editor.
    /// </summary>
    internal static async Task SeedPilotAchievementAsync(IServiceProvider services, PlatformRegistration platform, DemoLms lms, CancellationToken cancellationToken)
    {
        var course = await services.GetRequiredService<CourseStore>().FindAsync(platform.Id, lms.Course.ContextId, cancellationToken);
        var achievements = services.GetRequiredService<LtiBadgeBridge.Achievements.AchievementStore>();
        if (course is null || (await achievements.ListActiveAsync(platform.Id, course.Id, cancellationToken)).Count > 0)
        {
            return;
        }

        await using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream("demo/cloud-computing.yaml")
            ?? throw new InvalidOperationException("The pilot achievement is not embedded in the executable.");
        using var reader = new StreamReader(stream);
        var saved = await achievements.SaveAsync(platform.Id, course.Id, await reader.ReadToEndAsync(cancellationToken), "cloud-computing.yaml", "demo", cancellationToken);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"The pilot achievement was refused: {string.Join("; ", saved.Errors.Select(e => e.Message))}");
        }
    }

    private static string[] HostArgs(CommandLine commandLine, Uri toolOrigin, string operatorToken)
    {
        var given = new List<string>();
        for (var i = 0; i < commandLine.HostArgs.Length; i++)
        {
            var arg = commandLine.HostArgs[i];
            if (arg is "--port" or "--lms-port")
            {
                i++;
                continue;
            }

            if (arg is NoAchievementFlag or RegisterInLmsFlag)
            {
                continue;
            }

            if (arg.StartsWith("--port=", StringComparison.Ordinal) || arg.StartsWith("--lms-port=", StringComparison.Ordinal))
            {
                continue;
            }

            given.Add(arg);
        }

        // Defaults first so that the operator's own settings win; the loopback binding last so that it always holds.
        return
        [
            "--Database:DataDirectory=" + Path.Combine("data", "demo"),
            "--Service:PublicBaseUrl=" + toolOrigin.GetLeftPart(UriPartial.Authority),
            "--Service:OperatorToken=" + operatorToken,
            .. given,
            "--urls=" + toolOrigin.GetLeftPart(UriPartial.Authority),
        ];
    }

    private static int? ReadPort(CommandLine commandLine, string name, int fallback)
    {
        var text = commandLine.Option(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;
    }
}
