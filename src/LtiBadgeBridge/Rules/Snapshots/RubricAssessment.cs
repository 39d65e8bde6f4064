namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>A rubric assessment of one learner's submission on an item (one per attempt).</summary>
public sealed record RubricAssessment
{
    public required string ItemId { get; init; }

    public int Attempt { get; init; } = 1;

    public IReadOnlyList<CriterionRating> Ratings { get; init; } = [];
}

/// <summary>The level given on one criterion. Matched to the catalogue by level id, then name, then points.</summary>
public sealed record CriterionRating
{
    public required string CriterionId { get; init; }

    public string? LevelId { get; init; }

    public string? LevelName { get; init; }

    public double? Points { get; init; }
}
