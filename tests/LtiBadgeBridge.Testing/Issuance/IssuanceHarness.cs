using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Credentials.DataIntegrity;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Testing.Issuance;

/// <summary>
/// The issuance services over a database, wired as one process of the service wires them (its own Data Protection
/// over our database). Contexts are imported from the shared vectors unless <c>importContexts</c> is false.
/// </summary>
public sealed class IssuanceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _contexts;

    private IssuanceHarness(ServiceProvider provider, string contexts)
    {
        _provider = provider;
        _contexts = contexts;
    }

    public IServiceProvider Services => _provider;

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static IssuanceHarness Create(Database database, TimeProvider? clock = null, bool importContexts = true, bool dataIntegrity = true, int batchSize = 250)
    {
        var contexts = Path.Combine(Path.GetTempPath(), $"ltibb-contexts-{Guid.NewGuid():N}");
        var services = new ServiceCollection();
        services.AddSingleton(database);
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddDataProtection().SetApplicationName("LtiBadgeBridge");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(database, TimeProvider.System)));
        services.AddSingleton<ToolKeyStore>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<PlatformStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<Hangfire.IBackgroundJobClient, Jobs.RecordingJobClient>();
        services.AddSingleton<OutboxPublisher>();
        services.AddSingleton(new IssuanceSettings
        {
            PublicBaseUrl = new Uri("https://badges.example.edu/"),
            BatchSize = batchSize,
            DataIntegrity = dataIntegrity,
            SchemaDirectory = TestVectors.Path("ob3", "schema"),
        });
        var cache = new ContextCache(new ContextCacheOptions { Directory = contexts });
        if (importContexts)
        {
            cache.ImportDirectory(TestVectors.Path("ob3", "contexts"));
        }

        services.AddSingleton(cache);
        services.AddIssuanceCore();
        services.AddTransient<IssueCredentialHandler>();
        services.AddTransient<RevokeCredentialHandler>();
        return new IssuanceHarness(services.BuildServiceProvider(), contexts);
    }

    /// <summary>Publishes one <c>issue-credential</c> intent per award.</summary>
    public async Task PublishIssueAsync(long platformId, IEnumerable<long> awardIds, CancellationToken cancellationToken)
    {
        var outbox = Get<OutboxStore>();
        foreach (var awardId in awardIds)
        {
            await outbox.EnqueueAsync(platformId, IssuanceKinds.IssueCredential, IssuanceKinds.IssueDedupeKey(awardId), IssuanceKinds.Payload(awardId), cancellationToken);
        }
    }

    /// <summary>Runs the issue handler until it finds nothing to do; returns the intents processed.</summary>
    public async Task<int> DrainIssueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int processed;
        while ((processed = await Get<IssueCredentialHandler>().ProcessBatchAsync(cancellationToken)) > 0)
        {
            total += processed;
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        try
        {
            Directory.Delete(_contexts, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
