namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>
/// One criterion row of an <see cref="AchievementForm"/>: a leaf rule whose kind is
/// <see cref="Kind"/> (a <see cref="Rules.Definitions.RuleKinds"/> leaf key other than <c>achievements</c>).
/// Only the fields of its kind are read.
/// </summary>
public sealed class CriterionInput
{
    public string Kind { get; set; } = Rules.Definitions.RuleKinds.ItemScore;

    /// <summary>The criterion id; derived from the kind and target when empty.</summary>
    public string? Id { get; set; }

    public string? Label { get; set; }

    /// <summary>The LMS item id (itemScore, rubric, evidence).</summary>
    public string? ItemId { get; set; }

    /// <summary>The LMS item ids of an averageScore.</summary>
    public List<string> ItemIds { get; set; } = [];

    /// <summary><c>final</c> or <c>current</c> (courseScore).</summary>
    public string? CourseScore { get; set; }

    /// <summary>The threshold: a percentage (itemScore, averageScore, courseScore), points, or an outcome score.</summary>
    public string? Threshold { get; set; }

    /// <summary><c>percent</c> or <c>points</c> (itemScore only).</summary>
    public string? ThresholdUnit { get; set; }

    /// <summary>The LMS outcome/competency id (outcome).</summary>
    public string? OutcomeId { get; set; }

    /// <summary>The outcome ids of an outcomesMastered rule.</summary>
    public List<string> OutcomeIds { get; set; } = [];

    /// <summary>A level name (rubric, outcome).</summary>
    public string? MinLevel { get; set; }

    /// <summary>Rubric criterion ids; all of the item's rubric when empty.</summary>
    public List<string> RubricCriteria { get; set; } = [];

    public bool Individual { get; set; }

    /// <summary><c>file</c>, <c>url</c>, <c>text</c>, or empty for any.</summary>
    public string? EvidenceType { get; set; }

    /// <summary>Comma-separated hosts.</summary>
    public string? UrlHosts { get; set; }

    /// <summary>Comma-separated extensions, e.g. <c>.pdf</c>.</summary>
    public string? Extensions { get; set; }

    /// <summary>Comma-separated content types.</summary>
    public string? ContentTypes { get; set; }

    public string? MinSize { get; set; }

    public string? Prompt { get; set; }

    /// <summary>Ticked to drop the row on the next submit.</summary>
    public bool Remove { get; set; }
}
