using System.Data.Common;
using System.Net.Sockets;
using Hangfire;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Jobs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Hosting;

/// <summary>Builds and starts the service for a role: checks settings, migrates, maps endpoints.</summary>
internal static partial class ServiceHost
{
    public static WebApplication Build(string[] args, HostRole? roleOverride, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        if (roleOverride is { } forced)
        {
            builder.Configuration[$"{ServiceOptions.SectionName}:Role"] = forced.ToString().ToLowerInvariant();
        }

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        var role = ReadRole(builder.Configuration);
        builder.Services.AddLtiBadgeBridge(builder.Configuration, role);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        return app;
    }

    /// <summary>Validates settings, reaches the database and migrates it when asked. Throws <see cref="StartupException"/>.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var service = Resolve<ServiceOptions>(app);
        var databaseOptions = Resolve<DatabaseOptions>(app);
        Resolve<JobsOptions>(app);

        Database database;
        try
        {
            database = app.Services.GetRequiredService<Database>();
        }
        catch (DatabaseConfigurationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        var role = service.ParsedRole;
        if (database.Provider == DatabaseProvider.Sqlite && role is HostRole.Web or HostRole.Worker)
        {
            throw new StartupException(
                $"Service:Role '{service.Role}' needs PostgreSQL (set Database:ConnectionString); the embedded SQLite default runs one process with role 'all'.");
        }

        try
        {
            database.EnsureStorageLocation();
            var migrator = app.Services.GetRequiredService<Migrator>();
            if (role == HostRole.Migrate || databaseOptions.MigrateOnStart)
            {
                await migrator.MigrateAsync(cancellationToken);
            }
            else
            {
                await using var probe = await database.OpenAsync(cancellationToken);
            }
        }
        catch (DatabaseConfigurationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is DbException or SocketException or TimeoutException or InvalidOperationException { InnerException: SocketException })
        {
            throw new StartupException(
                $"Database:ConnectionString: cannot reach {database.Description} ({FirstLine(ex.Message)}); check host, port, database name and credentials.", ex);
        }
    }

    public static void MapEndpoints(WebApplication app)
    {
        var role = Resolve<ServiceOptions>(app).ParsedRole;
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapPrometheusScrapingEndpoint("/metrics");
        OpsEndpoints.Map(app);
        Sync.SyncEndpoints.Map(app);
        if (role is HostRole.All or HostRole.Web)
        {
            // Static assets are embedded in the executable: the same files whatever the content root.
            app.Environment.WebRootFileProvider = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(ServiceHost).Assembly, "LtiBadgeBridge.Web.wwwroot");
            app.UseStaticFiles();
            app.MapRazorPages();
            LtiBadgeBridge.Web.Lti.LtiEndpoints.Map(app);
            LtiBadgeBridge.Web.Credentials.CredentialEndpoints.Map(app);
            LtiBadgeBridge.Web.Admin.AdminEndpoints.Map(app);
        }

        if (role is HostRole.All or HostRole.Worker)
        {
            var jobs = Resolve<JobsOptions>(app);
            var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
            recurring.AddOrUpdate<ReconciliationJob>(ReconciliationJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), jobs.ReconcileCron);
        }
    }

    private static HostRole ReadRole(IConfiguration configuration) =>
        configuration[$"{ServiceOptions.SectionName}:Role"] switch
        {
            "web" => HostRole.Web,
            "worker" => HostRole.Worker,
            "migrate" => HostRole.Migrate,
            _ => HostRole.All,
        };

    private static T Resolve<T>(WebApplication app)
        where T : class
    {
        try
        {
            return app.Services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupException(DescribeFailures(ex), ex);
        }
    }

    /// <summary>The settings' own messages, without the validator's framing.</summary>
    public static string DescribeFailures(OptionsValidationException exception) =>
        string.Join(" ", exception.Failures.Select(f =>
        {
            var match = ValidationMessage().Match(f);
            return match.Success ? match.Groups[1].Value : f;
        }));

    [System.Text.RegularExpressions.GeneratedRegex(@"with the error: '(.*)'\.?$")]
    private static partial System.Text.RegularExpressions.Regex ValidationMessage();

    private static string FirstLine(string message)
    {
        var index = message.IndexOfAny(['\r', '\n']);
        return index < 0 ? message : message[..index];
    }
}
