namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>The state of a learner's score on an item.</summary>
public enum ScoreState
{
    /// <summary>Submitted (or not) and not graded yet.</summary>
    Ungraded,

    Graded,

    /// <summary>The instructor excused the learner: the item does not count.</summary>
    Excused,

    /// <summary>Past due with no submission; scored as 0 by the rules.</summary>
    Missing,
}

/// <summary>
/// A learner's score on one item for one attempt. Resubmissions appear as several entries with increasing
/// <see cref="Attempt"/>; the rules use the latest graded attempt.
/// </summary>
public sealed record ItemScore
{
    public required string ItemId { get; init; }

    /// <summary>The raw score given (may exceed <see cref="PointsPossible"/> with extra credit).</summary>
    public double? Score { get; init; }

    /// <summary>Points possible for this score; falls back to the catalogue item when null.</summary>
    public double? PointsPossible { get; init; }

    public ScoreState State { get; init; } = ScoreState.Graded;

    /// <summary>Submitted after the due date. Any late penalty is already in <see cref="Score"/>.</summary>
    public bool Late { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The attempt number (1 for the first submission).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The percentage, or null when there is no score or no points possible (never divides by zero).</summary>
    public double? Percent => Score is { } score && PointsPossible is > 0 and var possible ? score / possible * 100d : null;
}
