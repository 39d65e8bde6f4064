using LtiBadgeBridge.Audit;

namespace LtiBadgeBridge.Jobs;

/// <summary>
/// A no-op job that leaves a trace: it records which process ran it in the audit log. Operators use it
/// (and the tests) to check that a job enqueued by one process runs exactly once on some worker.
/// </summary>
public sealed class ProbeJob(AuditLog auditLog)
{
    public Task RunAsync(string marker, CancellationToken cancellationToken) =>
        auditLog.RecordAsync(null, $"worker:{Environment.MachineName}:{Environment.ProcessId}", "job.probe", marker, null, cancellationToken);
}
