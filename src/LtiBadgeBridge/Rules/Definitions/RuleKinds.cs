namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>The keys that name each rule kind in the file format.</summary>
public static class RuleKinds
{
    public const string All = "all";
    public const string Any = "any";
    public const string AtLeast = "atLeast";
    public const string ItemScore = "itemScore";
    public const string AverageScore = "averageScore";
    public const string CourseScore = "courseScore";
    public const string Outcome = "outcome";
    public const string OutcomesMastered = "outcomesMastered";
    public const string Rubric = "rubric";
    public const string Evidence = "evidence";
    public const string Achievements = "achievements";

    /// <summary>The keys that pick a rule's kind, in the order they are tried.</summary>
    public static readonly IReadOnlyList<string> Discriminators =
    [
        All, Any, "of", ItemScore, AverageScore, CourseScore, Outcome, OutcomesMastered, Rubric, Evidence, Achievements,
    ];
}
