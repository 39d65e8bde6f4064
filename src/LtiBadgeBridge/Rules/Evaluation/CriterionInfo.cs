namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>A leaf criterion of a compiled achievement, for progress tables and dry-run charts.</summary>
public sealed record CriterionInfo
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Label { get; init; }
}
