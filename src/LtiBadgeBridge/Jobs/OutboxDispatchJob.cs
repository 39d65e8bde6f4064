using Microsoft.Extensions.Logging;
using LtiBadgeBridge.Outbox;

namespace LtiBadgeBridge.Jobs;

/// <summary>Drains the outbox for one kind through its registered handler, batch after batch.</summary>
public sealed partial class OutboxDispatchJob(IEnumerable<IOutboxHandler> handlers, ILogger<OutboxDispatchJob> logger)
{
    private const int MaxBatchesPerRun = 100;

    public async Task RunAsync(string kind, CancellationToken cancellationToken)
    {
        var handler = handlers.FirstOrDefault(h => h.Kind == kind);
        if (handler is null)
        {
            LogNoHandler(logger, kind);
            return;
        }

        var total = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var processed = await handler.ProcessBatchAsync(cancellationToken);
            total += processed;
            if (processed == 0)
            {
                break;
            }
        }

        LogDrained(logger, kind, total);
    }

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "No outbox handler is registered for kind {Kind}")]
    private static partial void LogNoHandler(ILogger logger, string kind);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Outbox {Kind}: processed {Count} messages")]
    private static partial void LogDrained(ILogger logger, string kind, int count);
}
