namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>A Canvas course (<c>GET /api/v1/courses/:id?include[]=concluded</c>).</summary>
public sealed record CanvasCourse
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? CourseCode { get; init; }

    /// <summary><c>unpublished</c>, <c>available</c>, <c>completed</c> (concluded) or <c>deleted</c>.</summary>
    public string? WorkflowState { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    public DateTimeOffset? EndAt { get; init; }

    /// <summary>Canvas's own verdict when asked with <c>include[]=concluded</c>.</summary>
    public bool? Concluded { get; init; }

    /// <summary>True when the course is concluded: Canvas still serves it, and it is synced read-only.</summary>
    public bool IsConcluded => Concluded == true || string.Equals(WorkflowState, "completed", StringComparison.Ordinal);
}
