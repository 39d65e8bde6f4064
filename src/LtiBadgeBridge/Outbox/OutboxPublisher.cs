using System.Data.Common;
using Hangfire;
using LtiBadgeBridge.Jobs;

namespace LtiBadgeBridge.Outbox;

/// <summary>
/// Publishes work through the outbox and nudges a worker to drain it now. The row is the truth: if the
/// nudge is lost (a crash between commit and enqueue, a restart of the embedded queue), reconciliation
/// dispatches it later. Publish inside the producer's transaction, then call <see cref="Nudge"/> after commit.
/// </summary>
public sealed class OutboxPublisher(OutboxStore outbox, IBackgroundJobClient jobs)
{
    /// <summary>Enqueues in the caller's transaction; returns false when the dedupe key already existed.</summary>
    public Task<bool> PublishAsync(DbConnection connection, DbTransaction? transaction, long platformId, string kind, string dedupeKey, string payload, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(connection, transaction, platformId, kind, dedupeKey, payload, cancellationToken);

    /// <summary>Enqueues on its own connection and nudges the dispatcher.</summary>
    public async Task<bool> PublishAndNudgeAsync(long platformId, string kind, string dedupeKey, string payload, CancellationToken cancellationToken)
    {
        var added = await outbox.EnqueueAsync(platformId, kind, dedupeKey, payload, cancellationToken);
        Nudge(kind);
        return added;
    }

    /// <summary>Asks a worker to drain the outbox for <paramref name="kind"/> (after the producer committed).</summary>
    public void Nudge(string kind) => jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync(kind, CancellationToken.None));
}
