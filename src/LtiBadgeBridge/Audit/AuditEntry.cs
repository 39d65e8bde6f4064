namespace LtiBadgeBridge.Audit;

/// <summary>One line of the audit log: who did what to which target, and when.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }
    public long? PlatformId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public string? Details { get; init; }
}
