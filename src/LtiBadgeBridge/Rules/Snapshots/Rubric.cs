namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>A rubric (Canvas rubric, Moodle advanced grading rubric) with its criteria and levels.</summary>
public sealed record Rubric
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<RubricCriterion> Criteria { get; init; } = [];

    public RubricCriterion? FindCriterion(string criterionId)
    {
        foreach (var criterion in Criteria)
        {
            if (string.Equals(criterion.Id, criterionId, StringComparison.Ordinal))
            {
                return criterion;
            }
        }

        return null;
    }
}

/// <summary>
/// One criterion (row) of a rubric. Levels are ranked by <see cref="RubricLevel.Points"/> (lowest first);
/// levels without points keep their list position, which is then read as lowest first.
/// </summary>
public sealed record RubricCriterion
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<RubricLevel> Levels { get; init; } = [];
}

/// <summary>A level (rating) of a rubric criterion, such as "Proficient".</summary>
public sealed record RubricLevel
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public double? Points { get; init; }
}
