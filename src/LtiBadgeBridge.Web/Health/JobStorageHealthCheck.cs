using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LtiBadgeBridge.Web.Health;

/// <summary>Ready when Hangfire's storage answers a monitoring query.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{storage.GetType().Name}, {servers} job servers"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"job storage unreachable: {ex.Message}"));
        }
    }
}
