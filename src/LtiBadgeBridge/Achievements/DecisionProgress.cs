using LtiBadgeBridge.Rules.Evaluation;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// The explained progress stored in <c>decisions.progress</c>: the definition version evaluated, the
/// outcome, the one-line summary, how many criteria short, and every criterion with its current value,
/// requirement and explanation. What the learner's progress page shows.
/// </summary>
public sealed record DecisionProgress
{
    public required string Version { get; init; }

    /// <summary><c>met</c>, <c>not_met</c> or <c>awaiting_approval</c>.</summary>
    public required string Outcome { get; init; }

    public required string Summary { get; init; }

    public int ShortBy { get; init; }

    public IReadOnlyList<CriterionResult> Criteria { get; init; } = [];
}
