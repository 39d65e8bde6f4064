using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// The recurring job behind scheduled syncs: publishes <c>sync-course</c> (reason <c>schedule</c>) for
/// every course whose interval (<c>courses.sync_interval_minutes</c>, else <c>Sync:DefaultIntervalMinutes</c>)
/// has passed since its last successful sync.
/// </summary>
public sealed class SyncScheduleJob(SyncRunStore runs, SyncPublisher publisher, IOptions<SyncOptions> options)
{
    public const string RecurringJobId = "sync-schedule";

    /// <summary>Returns how many courses were due.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var due = await runs.ListDueAsync(TimeSpan.FromMinutes(options.Value.DefaultIntervalMinutes), cancellationToken);
        foreach (var (platformId, courseId) in due)
        {
            await publisher.PublishSyncAsync(platformId, courseId, "schedule", cancellationToken);
        }

        return due.Count;
    }
}
