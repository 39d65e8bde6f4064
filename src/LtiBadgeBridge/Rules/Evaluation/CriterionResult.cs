namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>
/// Where a learner stands on one criterion: the current value, the requirement, and a one-line
/// explanation the learner understands ("Capstone: 64 % of 70 % needed"). Groups (all/any/atLeast and a
/// rubric's criteria) appear before their children, with a larger <see cref="Depth"/> for the children.
/// </summary>
public sealed record CriterionResult
{
    /// <summary>The criterion id (see <see cref="Definitions.CriterionIds"/>); rubric criteria are "rubric:ITEM/CRITERION".</summary>
    public required string Id { get; init; }

    /// <summary>The rule kind (<see cref="Definitions.RuleKinds"/>), or "rubricCriterion".</summary>
    public required string Kind { get; init; }

    public required string Label { get; init; }

    public required CriterionStatus Status { get; init; }

    public bool Met => Status == CriterionStatus.Met;

    /// <summary>0 for the root, 1 for its children, and so on.</summary>
    public int Depth { get; init; }

    /// <summary>True for nodes whose result comes from child criteria.</summary>
    public bool IsGroup { get; init; }

    /// <summary>
    /// True for an unmet leaf whose every enclosing group is unmet too: fixing it is on the learner's path.
    /// (An unmet leaf inside a met "any" does not block.)
    /// </summary>
    public bool Blocking { get; init; }

    /// <summary>The current value in <see cref="Unit"/>s (percent, points, count, level rank), when numeric.</summary>
    public double? CurrentValue { get; init; }

    public double? RequiredValue { get; init; }

    /// <summary>"%", "points", "achievements", "criteria", "outcomes", "artifacts" or "level".</summary>
    public string? Unit { get; init; }

    /// <summary>How far the learner is from the requirement in <see cref="Unit"/>s (0 when met), when numeric.</summary>
    public double? Gap => CurrentValue is { } current && RequiredValue is { } required ? Math.Max(0, required - current) : null;

    /// <summary>The current value as shown ("64 %", "Developing", "2 of 3").</summary>
    public string? Current { get; init; }

    /// <summary>The requirement as shown ("70 %", "Proficient").</summary>
    public required string Requirement { get; init; }

    public required string Explanation { get; init; }

    /// <summary>The LMS item the criterion reads, if any.</summary>
    public string? ItemId { get; init; }
}
