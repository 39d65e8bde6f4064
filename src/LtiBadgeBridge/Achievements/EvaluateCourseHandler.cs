using System.Text.Json;
using LtiBadgeBridge.Outbox;
using Microsoft.Extensions.Logging;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// Consumes <c>evaluate-course</c> (<c>{"courseId":123}</c>): runs <see cref="EvaluateCourseJob"/> for each
/// claimed message and marks it processed. Idempotent: evaluating a course twice changes nothing the second time.
/// </summary>
public sealed partial class EvaluateCourseHandler(OutboxStore outbox, EvaluateCourseJob job, ILogger<EvaluateCourseHandler> logger) : IOutboxHandler
{
    private const int BatchSize = 10;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public string Kind => EvaluationKeys.EvaluateCourseKind;

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var messages = await outbox.ClaimAsync(Kind, BatchSize, Lease, cancellationToken);
        var evaluated = new HashSet<long>();
        foreach (var message in messages)
        {
            if (ReadCourseId(message.Payload) is not { } courseId)
            {
                LogBadPayload(logger, message.Id);
                await outbox.MarkProcessedAsync(message.Id, cancellationToken);
                continue;
            }

            try
            {
                // Several messages for one course in a batch need one evaluation.
                if (evaluated.Add(courseId))
                {
                    await job.RunAsync(courseId, cancellationToken);
                }

                await outbox.MarkProcessedAsync(message.Id, cancellationToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
            {
                LogFailed(logger, courseId, ex);
                await outbox.MarkFailedAsync(message.Id, ex.GetType().Name + ": " + ex.Message, TimeSpan.FromMinutes(1), cancellationToken);
            }
        }

        return messages.Count;
    }

    internal static long? ReadCourseId(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("courseId", out var id) && id.TryGetInt64(out var courseId) ? courseId : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Outbox message {MessageId} (evaluate-course) has no course id; dropped")]
    private static partial void LogBadPayload(ILogger logger, long messageId);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Evaluating course {CourseId} failed; retrying later")]
    private static partial void LogFailed(ILogger logger, long courseId, Exception exception);
}
