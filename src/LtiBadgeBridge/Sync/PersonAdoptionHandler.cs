using LtiBadgeBridge.Outbox;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Consumes <c>adopt-person</c>: applies the pending adoptions of each platform that has some (see
/// <see cref="PersonAdoption"/>). Normally the sync that was running applies them when it ends; this is the
/// safety net (a crashed run whose lease ran out, another run that ended first). While a sync of the platform
/// still runs, the messages are retried later.
/// </summary>
public sealed class PersonAdoptionHandler(OutboxStore outbox, PersonAdoption adoption) : IOutboxHandler
{
    private const int BatchSize = 50;
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(30);

    public string Kind => PersonAdoption.AdoptKind;

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var messages = await outbox.ClaimAsync(Kind, BatchSize, ClaimLease, cancellationToken);
        foreach (var platform in messages.GroupBy(m => m.PlatformId))
        {
            // Applying marks every pending message of the platform processed, these included.
            if (!await adoption.TryApplyPendingAsync(platform.Key, cancellationToken))
            {
                foreach (var message in platform)
                {
                    await outbox.MarkFailedAsync(message.Id, "A course sync of the platform is running; the adoption waits for it to end.", BusyRetry, cancellationToken);
                }
            }
        }

        return messages.Count;
    }
}
