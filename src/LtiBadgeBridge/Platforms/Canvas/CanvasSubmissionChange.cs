namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>Which timestamp an incremental course-wide submission read filters on.</summary>
public enum CanvasSubmissionChange
{
    /// <summary><c>submitted_since</c>: new or resubmitted work.</summary>
    Submitted,

    /// <summary><c>graded_since</c>: newly graded or re-graded work.</summary>
    Graded,
}
