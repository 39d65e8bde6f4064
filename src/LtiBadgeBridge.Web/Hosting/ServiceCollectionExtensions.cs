using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hangfire;
using Hangfire.PostgreSql;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Jobs;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Launch;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Web.Health;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace LtiBadgeBridge.Web.Hosting;

/// <summary>Registers the application's services for a host role.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddLtiBadgeBridge(this IServiceCollection services, IConfiguration configuration, HostRole role)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp => Database.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<Migrator>();
        services.AddSingleton<PlatformStore>();
        services.AddSingleton<LaunchStateStore>();
        services.AddSingleton<ToolKeyStore>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxPublisher>();
        services.AddSingleton<LtiBadgeBridge.Courses.CourseStore>();
        services.AddSingleton<LtiBadgeBridge.Snapshots.SnapshotStore>();
        LtiBadgeBridge.Web.Credentials.IssuanceServiceCollectionExtensions.AddIssuance(services);

        var dataProtection = services.AddDataProtection().SetApplicationName("LtiBadgeBridge");
        if (LoadKeyRingCertificate(configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        Sync.SyncWebServiceCollectionExtensions.AddSyncFeature(services);
        LtiBadgeBridge.Achievements.AchievementsServiceCollectionExtensions.AddAchievements(services);
        services.AddSingleton<LtiBadgeBridge.Learners.LearnerBadgeQuery>();
        services.AddSingleton<LtiBadgeBridge.Web.Instructor.CourseOutcomesQuery>();
        LtiBadgeBridge.Gradebook.GradebookServiceCollectionExtensions.AddGradebook(services);

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>())));

        LtiBadgeBridge.Web.Lti.LtiWebServiceCollectionExtensions.AddLtiWeb(services, configuration);
        LtiBadgeBridge.Web.Admin.AdminServiceCollectionExtensions.AddAdmin(services);

        services.AddTransient<ReconciliationJob>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<ProbeJob>();
        services.AddJobs(configuration, role);

        services.AddRazorPages().AddApplicationPart(typeof(ServiceCollectionExtensions).Assembly);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(Telemetry.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// The certificate that encrypts the Data Protection key ring at rest (which in turn encrypts our
    /// private keys and LMS tokens). Without it the key ring is stored unencrypted in the database.
    /// </summary>
    private static X509Certificate2? LoadKeyRingCertificate(IConfiguration configuration)
    {
        var path = configuration[$"{ServiceOptions.SectionName}:{nameof(ServiceOptions.KeyRingCertificatePath)}"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{ServiceOptions.SectionName}:{nameof(ServiceOptions.KeyRingCertificatePassword)}"]);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"Service:KeyRingCertificatePath '{path}' could not be loaded ({ex.Message.TrimEnd('.')}); give a PKCS#12 (.pfx) file with its private key, and its password in Service:KeyRingCertificatePassword.", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new StartupException($"Service:KeyRingCertificatePath '{path}' has no private key; export the certificate with its private key (.pfx).");
        }

        return certificate;
    }

    private static void AddJobs(this IServiceCollection services, IConfiguration configuration, HostRole role)
    {
        services.AddHangfire((sp, config) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            var database = sp.GetRequiredService<Database>();
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new AutomaticRetryAttribute
                {
                    Attempts = jobs.RetryAttempts,
                    DelaysInSeconds = [5, 30, 120, 600, 1800],
                    OnAttemptsExceeded = AttemptsExceededAction.Fail,
                });
            if (database.Provider == DatabaseProvider.Postgres)
            {
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(database.PostgresConnectionString!),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = jobs.Schema,
                        QueuePollInterval = jobs.QueuePollInterval,
                        PrepareSchemaIfNecessary = true,
                        InvisibilityTimeout = TimeSpan.FromMinutes(30),
                    });
            }
            else
            {
                // The embedded default: one process. Correctness never depends on this queue surviving a
                // restart; reconciliation re-derives pending work from the database.
                config.UseInMemoryStorage();
            }
        });

        if (role is HostRole.All or HostRole.Worker)
        {
            services.AddHangfireServer((sp, options) =>
            {
                var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
                options.WorkerCount = jobs.WorkerCount;
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        _ = configuration;
    }
}
