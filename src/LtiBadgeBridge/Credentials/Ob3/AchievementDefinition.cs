using System.Text.Json.Nodes;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>What an achievement (micro-credential) is: the OB 3.0 <c>Achievement</c> of a credential.</summary>
public sealed record AchievementDefinition
{
    /// <summary>Stable URL of the achievement (one per course achievement, per registration).</summary>
    public required Uri Id { get; init; }

    /// <summary>OB 3.0 AchievementType vocabulary, e.g. <c>MicroCredential</c>, <c>Badge</c>, <c>Certificate</c>.</summary>
    public string AchievementType { get; init; } = "MicroCredential";

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>Public page describing the criteria (criteria.id).</summary>
    public Uri? CriteriaUrl { get; init; }

    /// <summary>Markdown narrative of what a learner must do (criteria.narrative).</summary>
    public required string CriteriaNarrative { get; init; }

    /// <summary>Badge image URL; when null, the caller supplies a generated default image URL or none.</summary>
    public Uri? Image { get; init; }

    public string? ImageCaption { get; init; }

    /// <summary>Skills-framework / competency / occupation alignments.</summary>
    public IReadOnlyList<AchievementAlignment> Alignments { get; init; } = [];

    /// <summary>Possible results (grade scale, rubric levels) referenced by <see cref="AwardResult"/>s.</summary>
    public IReadOnlyList<ResultDescriptionDefinition> ResultDescriptions { get; init; } = [];

    /// <summary>Credits (e.g. ECTS) the achievement is worth.</summary>
    public decimal? CreditsAvailable { get; init; }

    /// <summary>Short code shown to people, e.g. a course code "CC-101".</summary>
    public string? HumanCode { get; init; }

    public string? FieldOfStudy { get; init; }

    public string? Specialization { get; init; }

    /// <summary>BCP 47 language of the achievement, e.g. "en".</summary>
    public string? InLanguage { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Other identifiers (e.g. a catalogue id): <c>IdentifierEntry</c>.</summary>
    public IReadOnlyList<OtherIdentifier> OtherIdentifiers { get; init; } = [];

    /// <summary>EU micro-credential elements that Open Badges has no field for.</summary>
    public MicroCredentialMetadata? MicroCredential { get; init; }

    /// <summary>EndorsementCredentials of this achievement (imported or issued by us), embedded as-is.</summary>
    public IReadOnlyList<JsonObject> Endorsements { get; init; } = [];

    /// <summary>VC-JWT EndorsementCredentials of this achievement (compact JWS), written as <c>endorsementJwt</c>.</summary>
    public IReadOnlyList<string> EndorsementJwts { get; init; } = [];

    /// <summary>Version label of the achievement definition.</summary>
    public string? Version { get; init; }
}

/// <summary>An OB 3.0 <c>Alignment</c>: a skill, competency or occupation in a framework.</summary>
public sealed record AchievementAlignment
{
    public required string TargetName { get; init; }

    public required Uri TargetUrl { get; init; }

    /// <summary>Framework name, e.g. "ESCO", "NOC 2021", "SFIA 9".</summary>
    public string? TargetFramework { get; init; }

    public string? TargetCode { get; init; }

    public string? TargetDescription { get; init; }

    /// <summary>AlignmentTargetType, e.g. <c>CFItem</c>, <c>ceterms:Competency</c>, or <c>ext:...</c>.</summary>
    public string? TargetType { get; init; }
}

/// <summary>An OB 3.0 <c>IdentifierEntry</c>.</summary>
public sealed record OtherIdentifier(string Identifier, string IdentifierType);

/// <summary>An OB 3.0 <c>ResultDescription</c>: a possible result of the achievement.</summary>
public sealed record ResultDescriptionDefinition
{
    /// <summary>Stable URI of this result description (e.g. achievement URL + "#final-grade").</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>ResultType vocabulary: <c>Percent</c>, <c>LetterGrade</c>, <c>RubricCriterionLevel</c>, <c>Status</c>, ...</summary>
    public required string ResultType { get; init; }

    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    public string? RequiredValue { get; init; }

    /// <summary>Id of the rubric level required to pass.</summary>
    public string? RequiredLevel { get; init; }

    public string? ValueMin { get; init; }

    public string? ValueMax { get; init; }

    public IReadOnlyList<RubricLevelDefinition> RubricLevels { get; init; } = [];

    public IReadOnlyList<AchievementAlignment> Alignments { get; init; } = [];
}

/// <summary>An OB 3.0 <c>RubricCriterionLevel</c>.</summary>
public sealed record RubricLevelDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Level { get; init; }

    public string? Description { get; init; }

    public string? Points { get; init; }
}
