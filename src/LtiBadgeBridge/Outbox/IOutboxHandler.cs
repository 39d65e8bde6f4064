namespace LtiBadgeBridge.Outbox;

/// <summary>Processes outbox messages of one kind. Implementations are idempotent.</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    /// <summary>Claims and processes a batch; returns how many messages were processed.</summary>
    Task<int> ProcessBatchAsync(CancellationToken cancellationToken);
}
