namespace LtiBadgeBridge.Outbox;

/// <summary>Work to do after a commit, exactly once per <see cref="DedupeKey"/>.</summary>
public sealed record OutboxMessage
{
    public long Id { get; init; }
    public long PlatformId { get; init; }

    /// <summary>What to do, e.g. <c>issue-credential</c> or <c>post-score</c>; handlers are found by kind.</summary>
    public required string Kind { get; init; }

    /// <summary>Unique across the outbox: a second enqueue with the same key is a no-op.</summary>
    public required string DedupeKey { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset AvailableAt { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset? ProcessedAt { get; init; }
    public string? LastError { get; init; }
}
