namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>A learner's result on an outcome (Canvas) or rating on a competency (Moodle).</summary>
public sealed record OutcomeResult
{
    public required string OutcomeId { get; init; }

    public double? Score { get; init; }

    /// <summary>The scale level reached, by id or name (Moodle ratings are levels; Canvas results are scores).</summary>
    public string? LevelId { get; init; }

    public string? LevelName { get; init; }

    /// <summary>The LMS's own mastery flag (Canvas <c>mastery</c>, Moodle <c>proficiency</c>), when it reports one.</summary>
    public bool? Mastered { get; init; }
}
