using LtiBadgeBridge.Rules.Evaluation;

namespace LtiBadgeBridge.Learners;

/// <summary>A learner's progress towards one achievement, as last evaluated.</summary>
public sealed record LearnerProgress
{
    /// <summary><c>met</c>, <c>not_met</c> or <c>awaiting_approval</c>.</summary>
    public required string Outcome { get; init; }

    public required string Summary { get; init; }

    /// <summary>How many criteria are still missing.</summary>
    public int ShortBy { get; init; }

    public DateTimeOffset EvaluatedAt { get; init; }

    public IReadOnlyList<CriterionProgress> Criteria { get; init; } = [];
}

/// <summary>One criterion: the plain-language explanation and, when numeric, a bar from 0 to what is needed.</summary>
public sealed record CriterionProgress
{
    public required string Label { get; init; }
    public required string Explanation { get; init; }
    public required CriterionStatus Status { get; init; }

    /// <summary>Nesting below the achievement (1 for its direct criteria).</summary>
    public int Depth { get; init; }

    /// <summary>The bar's value, between 0 and <see cref="Max"/>; null when the criterion is not numeric.</summary>
    public double? Value { get; init; }

    /// <summary>What is needed, in the criterion's unit; null when the criterion is not numeric.</summary>
    public double? Max { get; init; }

    public bool Met => Status == CriterionStatus.Met;

    /// <summary>Whole percent of the way to the requirement (for screen readers and the text next to the bar).</summary>
    public int Percent => Value is { } value && Max is { } max && max > 0
        ? (int)Math.Round(Math.Clamp(value / max, 0, 1) * 100, MidpointRounding.AwayFromZero)
        : Met ? 100 : 0;
}
