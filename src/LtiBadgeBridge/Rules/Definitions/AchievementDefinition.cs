namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// An achievement (micro-credential): its Open Badges 3.0 metadata and the rules that earn it. Read from
/// YAML or JSON by <see cref="AchievementDefinitionReader"/>, written back by <see cref="AchievementDefinitionWriter"/>,
/// versioned by <see cref="DefinitionVersion"/>. Property names follow the Open Badges 3.0 <c>Achievement</c>.
/// </summary>
public sealed record AchievementDefinition
{
    /// <summary>A stable key, unique in its course or institution (lowercase letters, digits, '-', '_', '.').</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>The badge image (https URL or data URI).</summary>
    public string? Image { get; init; }

    /// <summary>The criteria narrative (Markdown) shown to learners and verifiers.</summary>
    public required string Criteria { get; init; }

    /// <summary>Open Badges 3.0 achievementType, e.g. <c>MicroCredential</c>, or an <c>ext:</c> extension.</summary>
    public required string AchievementType { get; init; }

    public string? HumanCode { get; init; }

    public string? FieldOfStudy { get; init; }

    /// <summary>The level (for example "EQF 5", "Introductory").</summary>
    public string? Level { get; init; }

    /// <summary>A BCP 47 language tag, e.g. <c>en</c>.</summary>
    public string? InLanguage { get; init; }

    public double? CreditsAvailable { get; init; }

    public Workload? Workload { get; init; }

    public IReadOnlyList<string> LearningOutcomes { get; init; } = [];

    /// <summary>How learners are assessed (e.g. "Individual capstone project assessed with a rubric").</summary>
    public string? AssessmentType { get; init; }

    public Delivery? Delivery { get; init; }

    public IReadOnlyList<Reference> QualityAssurance { get; init; } = [];

    public IReadOnlyList<Reference> Endorsements { get; init; } = [];

    /// <summary>Prerequisites as prose for the credential. Enforced prerequisites are stacking rules.</summary>
    public IReadOnlyList<string> Prerequisites { get; init; } = [];

    public IReadOnlyList<Alignment> Alignments { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The last day the definition issues credentials (not an expiry of issued credentials).</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>When true, eligible learners wait for an instructor's approval before issuance.</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>The rules; the achievement is earned when the root rule is met.</summary>
    public required Rule Rules { get; init; }
}
