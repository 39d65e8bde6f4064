using System.Text.Json;
using LtiBadgeBridge.Outbox;
using Microsoft.Extensions.Logging;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Consumes <c>sync-course</c>: runs <see cref="SyncCourseJob"/> per message. A transient failure leaves
/// the message pending for a later retry (which resumes from the checkpoint); a paused or stopped course
/// and a busy lease (another run is syncing it now) mark the message processed.
/// </summary>
public sealed partial class SyncCourseHandler(OutboxStore outbox, SyncCourseJob job, ILogger<SyncCourseHandler> logger) : IOutboxHandler
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan DefaultRetry = TimeSpan.FromMinutes(2);

    public string Kind => SyncPublisher.SyncCourseKind;

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var messages = await outbox.ClaimAsync(Kind, 1, ClaimLease, cancellationToken);
        foreach (var message in messages)
        {
            SyncCoursePayload? payload;
            try
            {
                payload = JsonSerializer.Deserialize<SyncCoursePayload>(message.Payload, SnapshotJson.Options);
            }
            catch (JsonException)
            {
                payload = null;
            }

            if (payload is null)
            {
                LogBadPayload(logger, message.Id);
                await outbox.MarkProcessedAsync(message.Id, cancellationToken);
                continue;
            }

            var result = await job.RunAsync(payload.CourseId, cancellationToken);
            if (result.Outcome == SyncOutcome.Retry)
            {
                await outbox.MarkFailedAsync(message.Id, $"{result.Code}: {result.Message}", result.RetryAfter ?? DefaultRetry, cancellationToken);
            }
            else
            {
                await outbox.MarkProcessedAsync(message.Id, cancellationToken);
            }
        }

        return messages.Count;
    }

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "sync-course message {MessageId} has an unreadable payload; dropped")]
    private static partial void LogBadPayload(ILogger logger, long messageId);
}
