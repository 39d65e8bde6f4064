namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>
/// A result to state on the credential (Open Badges 3.0 <c>Result</c>): the grade achieved or the rubric
/// level reached. <see cref="ResultType"/> uses the Open Badges 3.0 ResultType vocabulary.
/// </summary>
public sealed record AchievedResult
{
    public required string CriterionId { get; init; }

    /// <summary>What was measured, e.g. "Course grade", "Capstone – Architecture".</summary>
    public required string Name { get; init; }

    /// <summary><c>Percent</c>, <c>RawScore</c>, <c>RubricCriterionLevel</c> or <c>PerformanceLevel</c>.</summary>
    public required string ResultType { get; init; }

    /// <summary>The value as stated on the credential, e.g. "82" (percent) or "Proficient".</summary>
    public required string Value { get; init; }

    public string? ItemId { get; init; }

    public static class Types
    {
        public const string Percent = "Percent";
        public const string RawScore = "RawScore";
        public const string RubricCriterionLevel = "RubricCriterionLevel";
        public const string PerformanceLevel = "PerformanceLevel";
    }
}
