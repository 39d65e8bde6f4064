namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>Where an outcome comes from.</summary>
public enum OutcomeSource
{
    /// <summary>A Canvas learning outcome.</summary>
    CanvasOutcome,

    /// <summary>A Moodle competency.</summary>
    MoodleCompetency,
}

/// <summary>
/// A learning outcome (Canvas) or competency (Moodle) aligned with the course, with its proficiency scale.
/// </summary>
public sealed record Outcome
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public OutcomeSource Source { get; init; } = OutcomeSource.CanvasOutcome;

    /// <summary>Points at or above which the outcome counts as mastered (Canvas <c>mastery_points</c>).</summary>
    public double? MasteryPoints { get; init; }

    /// <summary>The proficiency scale, ranked by points (lowest first); list order when points are absent.</summary>
    public IReadOnlyList<ProficiencyLevel> Scale { get; init; } = [];
}

/// <summary>One level of a proficiency scale ("Exceeds mastery", "Mastery", "Near mastery"...).</summary>
public sealed record ProficiencyLevel
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public double? Points { get; init; }

    /// <summary>True for the level(s) that count as mastery (Moodle "proficient", Canvas mastery level).</summary>
    public bool IsMastery { get; init; }
}
