using Hangfire;
using LtiBadgeBridge.Launch;
using LtiBadgeBridge.Outbox;
using Microsoft.Extensions.Logging;

namespace LtiBadgeBridge.Jobs;

/// <summary>
/// The recurring safety net: re-derives pending work from the database, so a lost queue (a restart of
/// the embedded default, a killed worker) never loses data. Dispatches a batch job for every outbox
/// kind with due messages and purges launch state that can no longer be used.
/// </summary>
public sealed partial class ReconciliationJob(
    OutboxStore outbox,
    LaunchStateStore launchStates,
    IBackgroundJobClient jobs,
    TimeProvider timeProvider,
    ILogger<ReconciliationJob> logger)
{
    public const string RecurringJobId = "reconcile";

    /// <summary>Launch state is kept this long after it expires, well past any id_token's lifetime.</summary>
    private static readonly TimeSpan LaunchStateRetention = TimeSpan.FromHours(1);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var kinds = await outbox.PendingKindsAsync(cancellationToken);
        foreach (var kind in kinds)
        {
            jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync(kind, CancellationToken.None));
        }

        var purged = await launchStates.PurgeExpiredAsync(timeProvider.GetUtcNow() - LaunchStateRetention, cancellationToken);
        LogReconciled(logger, kinds.Count, purged);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Reconciliation dispatched {Kinds} outbox kinds and purged {Purged} launch states")]
    private static partial void LogReconciled(ILogger logger, int kinds, int purged);
}
