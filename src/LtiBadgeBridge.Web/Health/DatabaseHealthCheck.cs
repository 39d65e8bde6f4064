using Dapper;
using LtiBadgeBridge.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LtiBadgeBridge.Web.Health;

/// <summary>Ready when the database answers and its schema is at this build's version.</summary>
internal sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0;
            var expected = Migrator.Load(database.Dialect)[^1].Version;
            return version >= expected
                ? HealthCheckResult.Healthy($"{database.Description}, schema {version}")
                : HealthCheckResult.Unhealthy($"schema {version}, this build needs {expected}: run the 'migrate' command");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{database.Description} unreachable: {ex.Message}");
        }
    }
}
