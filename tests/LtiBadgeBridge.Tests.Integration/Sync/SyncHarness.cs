using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Hangfire;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Snapshots;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Databases;
using LtiBadgeBridge.Testing.Emulators;
using LtiBadgeBridge.Testing.Jobs;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>
/// The sync services as the host wires them, on a real migrated database (SQLite in a temp folder, or
/// PostgreSQL), with test-speed retry delays. Courses are bound to emulated LMSs the way an admin and an
/// instructor would: developer key saved, course connected through the OAuth2 code flow.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private static readonly Uri RedirectUri = new("https://badges.example.edu/sync/canvas/callback");
    private readonly DatabaseFixture fixture;
    private readonly ServiceProvider services;

    private SyncHarness(DatabaseFixture fixture, ServiceProvider services)
    {
        this.fixture = fixture;
        this.services = services;
    }

    public Database Database => fixture.Database;

    public IServiceProvider Services => services;

    public SyncCourseJob Job => services.GetRequiredService<SyncCourseJob>();

    public SyncRunStore Runs => services.GetRequiredService<SyncRunStore>();

    public CourseStore Courses => services.GetRequiredService<CourseStore>();

    public static async Task<SyncHarness> StartAsync(Action<CanvasOptions>? canvas = null, DatabaseFixture? database = null, Action<IServiceCollection>? configure = null)
    {
        var db = database ?? new SqliteDatabase();
        await db.InitializeAsync();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddSingleton(db.Database);
        collection.AddDataProtection().UseEphemeralDataProtectionProvider();
        collection.AddSingleton<IBackgroundJobClient>(new RecordingJobClient());
        collection.AddSingleton<OutboxStore>();
        collection.AddSingleton<OutboxPublisher>();
        collection.AddSingleton<CourseStore>();
        collection.AddSingleton<SnapshotStore>();
        collection.AddSingleton<PlatformStore>();
        collection.AddSingleton<LtiBadgeBridge.Audit.AuditLog>();
        collection.AddCanvasClient(options =>
        {
            options.TransientRetryDelay = TimeSpan.FromMilliseconds(5);
            options.ThrottleBackoff = TimeSpan.FromMilliseconds(50);
            options.MaxThrottleBackoff = TimeSpan.FromMilliseconds(500);
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            canvas?.Invoke(options);
        });
        collection.AddMoodleClient(options =>
        {
            options.TransientRetryDelay = TimeSpan.FromMilliseconds(5);
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
        });
        collection.AddSingleton<IToolKeySetProvider>(new StaticToolKeySetProvider(new ToolKeySet([new ToolKey("sync-test", TestRsaKeys.Get(3), ToolKeyStatus.Active)])));
        collection.AddLtiProtocol(o => o.LaunchUri = new Uri("https://badges.example.edu/lti/launch"));
        collection.AddSync();
        collection.Configure<SyncOptions>(o => o.CanvasRedirectUri = RedirectUri);
        configure?.Invoke(collection);
        return new SyncHarness(db, collection.BuildServiceProvider());
    }

    /// <summary>A Canvas platform with its developer key, and a course bound to the emulated course and connected by an instructor.</summary>
    public async Task<Course> AddCanvasCourseAsync(EmulatedCanvas canvas, string? clientId = null, bool nrps = false)
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com",
            ClientId = clientId ?? "1000000000" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
            Name = "Canvas",
            ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
            TokenEndpoint = canvas.BaseUrl + "login/oauth2/token",
            JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, ct);
        var course = await Courses.UpsertFromLaunchAsync(new Course
        {
            PlatformId = platform.Id,
            DeploymentId = "1:deployment",
            ContextId = "ctx-" + canvas.Fixture.CourseId.ToString(CultureInfo.InvariantCulture),
            LmsCourseId = canvas.Fixture.CourseId.ToString(CultureInfo.InvariantCulture),
            Title = "Big Data Foundations",
            NrpsMembershipsUrl = nrps ? canvas.NamesAndRolesUrl.AbsoluteUri : null,
        }, ct);
        var credentials = services.GetRequiredService<PlatformCredentialsStore>();
        await credentials.SaveCanvasAsync(platform.Id, canvas.BaseUrl, canvas.Options.ClientId, canvas.Options.ClientSecret, ct);

        // The instructor authorises; the callback exchanges the code.
        var key = new CanvasDeveloperKey { ClientId = canvas.Options.ClientId, ClientSecret = canvas.Options.ClientSecret, RedirectUri = RedirectUri };
        var code = canvas.IssueAuthorizationCode(RedirectUri);
        var token = await services.GetRequiredService<ICanvasOAuthClient>().ExchangeCodeAsync(canvas.BaseUrl, key, code, ct);
        Assert.True(token.IsSuccess, token.ToString());
        await credentials.SaveCourseTokenAsync(platform.Id, course.Id, token.Value, ct);
        return course;
    }

    /// <summary>A Moodle platform with its web service token and a course bound to the emulated course.</summary>
    public async Task<Course> AddMoodleCourseAsync(EmulatedMoodle moodle)
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = moodle.SiteUrl.AbsoluteUri.TrimEnd('/'),
            ClientId = "moodle-" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
            Name = "Moodle",
            ProductFamily = ProductFamilies.Moodle,
            AuthorizationEndpoint = moodle.SiteUrl + "mod/lti/auth.php",
            TokenEndpoint = moodle.SiteUrl + "mod/lti/token.php",
            JwksUri = moodle.SiteUrl + "mod/lti/certs.php",
        }, ct);
        var course = await Courses.UpsertFromLaunchAsync(new Course
        {
            PlatformId = platform.Id,
            DeploymentId = "1",
            ContextId = moodle.Fixture.CourseId.ToString(CultureInfo.InvariantCulture),
            LmsCourseId = moodle.Fixture.CourseId.ToString(CultureInfo.InvariantCulture),
            Title = "Moodle course",
        }, ct);
        await services.GetRequiredService<PlatformCredentialsStore>().SaveMoodleAsync(platform.Id, moodle.SiteUrl, moodle.Options.Token, ct);
        return course;
    }

    /// <summary>A Canvas learner's launch (custom <c>canvas_user_id</c>) bound as the tool binds it: the person, their enrollment, adoption.</summary>
    public async Task<LaunchBinding> LaunchCanvasLearnerAsync(Course course, string sub, long canvasUserId)
    {
        var stored = await services.GetRequiredService<PlatformStore>().GetAsync(course.PlatformId, TestContext.Current.CancellationToken);
        var claims = new JsonObject
        {
            ["sub"] = sub,
            ["name"] = "Learner " + canvasUserId.ToString(CultureInfo.InvariantCulture),
            [LtiConstants.Claims.MessageType] = "LtiResourceLinkRequest",
            [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
            [LtiConstants.Claims.DeploymentId] = course.DeploymentId,
            [LtiConstants.Claims.Roles] = new JsonArray(LtiConstants.Roles.Learner),
            [LtiConstants.Claims.Context] = new JsonObject { ["id"] = course.ContextId, ["title"] = course.Title },
            [LtiConstants.Claims.Custom] = new JsonObject { ["canvas_user_id"] = canvasUserId.ToString(CultureInfo.InvariantCulture), ["canvas_course_id"] = course.LmsCourseId },
        };
        var launch = new LtiLaunch
        {
            Registration = RegistrationMapping.ToProtocol(stored!),
            DeploymentId = course.DeploymentId,
            Message = LtiMessageParser.Parse(claims.ToJsonString())!,
            Login = new IssuedLogin
            {
                State = "state", Nonce = "nonce", RegistrationId = stored!.Id.ToString(CultureInfo.InvariantCulture),
                Issuer = stored.Issuer, ClientId = stored.ClientId, TargetLinkUri = "https://badges.example.edu/lti/launch", ExpiresAt = DateTimeOffset.MaxValue,
            },
        };
        return await ActivatorUtilities.CreateInstance<LaunchBinder>(services).BindAsync(launch, TestContext.Current.CancellationToken);
    }

    public Task<SyncRunResult> SyncAsync(Course course) => Job.RunAsync(course.Id, TestContext.Current.CancellationToken);

    public async Task<long> CountAsync(string table, long courseId)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE course_id = @courseId", new { courseId });
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    /// <summary>Every snapshot row of the course, with its updated_at, as text: equal dumps mean nothing changed.</summary>
    public async Task<string> DumpAsync(long courseId)
    {
        var text = new StringBuilder();
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in new[] { "enrollments", "items", "scores", "artifacts", "rubric_results", "outcome_results", "catalogue_entries" })
        {
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM {table} WHERE course_id = @courseId", new { courseId }))
            {
                text.Append(table).Append(':').AppendJoin('|', row.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")).Append('\n');
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await fixture.DisposeAsync();
    }
}
