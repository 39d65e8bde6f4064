namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>
/// An achievement definition as an instructor's form: metadata fields, a flat list of criteria combined
/// with <c>all</c>, <c>any</c> or <c>atLeast</c>, and stacking prerequisites. Numbers are kept as text so a
/// typo comes back as a message next to its field. <see cref="AchievementFormMapper"/> turns it into the
/// one definition model (<see cref="Rules.Definitions.AchievementDefinition"/>) and back.
/// </summary>
/// <remarks>Mutable by design: it is bound from an HTML form.</remarks>
public sealed class AchievementForm
{
    /// <summary>The definition's <c>id</c> (stable key).</summary>
    public string? Slug { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The criteria narrative employers read (<c>criteria</c>).</summary>
    public string? CriteriaNarrative { get; set; }

    /// <summary>
    /// The narrative as generated from the criteria (<see cref="AchievementFormNarrative"/>), carried in the form so a
    /// narrative the instructor left untouched follows the criteria they pick; null once it is their own text.
    /// </summary>
    public string? GeneratedCriteriaNarrative { get; set; }

    public string? AchievementType { get; set; }

    /// <summary>An https URL or an image data URI.</summary>
    public string? Image { get; set; }

    public string? HumanCode { get; set; }

    public string? FieldOfStudy { get; set; }

    public string? Level { get; set; }

    public string? InLanguage { get; set; }

    public string? CreditsAvailable { get; set; }

    public string? WorkloadHours { get; set; }

    public string? WorkloadWeeks { get; set; }

    public string? HoursPerWeekMin { get; set; }

    public string? HoursPerWeekMax { get; set; }

    /// <summary>One learning outcome per line.</summary>
    public string? LearningOutcomes { get; set; }

    public string? AssessmentType { get; set; }

    /// <summary><c>virtual</c>, <c>in-person</c>, <c>hybrid</c>, or empty for none.</summary>
    public string? DeliveryMode { get; set; }

    /// <summary><c>non-concurrent</c>, <c>concurrent</c>, or empty.</summary>
    public string? DeliverySchedule { get; set; }

    public string? DeliveryCost { get; set; }

    /// <summary>Comma-separated tags.</summary>
    public string? Tags { get; set; }

    /// <summary>Prerequisites as prose for the credential, one per line.</summary>
    public string? PrerequisiteNotes { get; set; }

    /// <summary><c>YYYY-MM-DD</c>, or empty.</summary>
    public string? ValidUntil { get; set; }

    public bool RequiresApproval { get; set; }

    public List<AlignmentInput> Alignments { get; set; } = [];

    /// <summary><c>all</c>, <c>any</c> or <c>atLeast</c>: how <see cref="Rules"/> combine.</summary>
    public string Combine { get; set; } = FormCombine.All;

    /// <summary>For <see cref="FormCombine.AtLeast"/>: how many criteria must be met.</summary>
    public string? AtLeastCount { get; set; }

    public List<CriterionInput> Rules { get; set; } = [];

    /// <summary>Ids of other achievements that must all be earned first (enforced stacking).</summary>
    public List<string> Prerequisites { get; set; } = [];
}

/// <summary>The ways a form's criteria combine.</summary>
public static class FormCombine
{
    public const string All = "all";
    public const string Any = "any";
    public const string AtLeast = "atLeast";
}
