namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>Limits a course-wide submission read to what changed since a moment.</summary>
public sealed record CanvasSubmissionFilter
{
    public required DateTimeOffset Since { get; init; }

    public CanvasSubmissionChange Change { get; init; } = CanvasSubmissionChange.Submitted;
}
