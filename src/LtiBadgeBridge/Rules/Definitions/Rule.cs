namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// A node of an achievement's rule tree. Leaves test course data; <see cref="AllRule"/>, <see cref="AnyRule"/>
/// and <see cref="AtLeastRule"/> combine them. <see cref="Id"/> names the criterion in progress records
/// and dry runs (derived from the kind and target when absent); <see cref="Label"/> starts the learner's
/// explanation ("Capstone: 64 % of 70 % needed").
/// </summary>
public abstract record Rule
{
    public string? Id { get; init; }

    public string? Label { get; init; }

    /// <summary>The YAML key that names this kind of rule.</summary>
    public abstract string Kind { get; }
}

/// <summary>Every child rule is met.</summary>
public sealed record AllRule : Rule
{
    public required IReadOnlyList<Rule> Rules { get; init; }

    public override string Kind => RuleKinds.All;
}

/// <summary>At least one child rule is met.</summary>
public sealed record AnyRule : Rule
{
    public required IReadOnlyList<Rule> Rules { get; init; }

    public override string Kind => RuleKinds.Any;
}

/// <summary>At least <see cref="Count"/> child rules are met.</summary>
public sealed record AtLeastRule : Rule
{
    public required int Count { get; init; }

    public required IReadOnlyList<Rule> Rules { get; init; }

    public override string Kind => RuleKinds.AtLeast;
}

/// <summary>A pass threshold: a minimum percentage or a minimum number of points (exactly one is set).</summary>
public sealed record Threshold
{
    public double? MinPercent { get; init; }

    public double? MinPoints { get; init; }

    public static Threshold Percent(double value) => new() { MinPercent = value };

    public static Threshold Points(double value) => new() { MinPoints = value };
}

/// <summary>The learner's score on one item meets a threshold (latest graded attempt).</summary>
public sealed record ItemScoreRule : Rule
{
    public required string ItemId { get; init; }

    public required Threshold Threshold { get; init; }

    public override string Kind => RuleKinds.ItemScore;
}

/// <summary>An item and its weight in a weighted average.</summary>
public sealed record WeightedItem
{
    public required string ItemId { get; init; }

    public double Weight { get; init; } = 1;
}

/// <summary>The weighted average percentage of a set of items meets a minimum percentage.</summary>
public sealed record AverageScoreRule : Rule
{
    public required IReadOnlyList<WeightedItem> Items { get; init; }

    public required double MinPercent { get; init; }

    public override string Kind => RuleKinds.AverageScore;
}

/// <summary>Which course total a <see cref="CourseScoreRule"/> reads.</summary>
public enum CourseScoreKind
{
    /// <summary>Ungraded work counts as zero (Canvas <c>final_score</c>; the Moodle course total).</summary>
    Final,

    /// <summary>Graded work only (Canvas <c>current_score</c>).</summary>
    Current,
}

/// <summary>The course total meets a minimum percentage.</summary>
public sealed record CourseScoreRule : Rule
{
    public CourseScoreKind Score { get; init; } = CourseScoreKind.Final;

    public required double MinPercent { get; init; }

    public override string Kind => RuleKinds.CourseScore;
}

/// <summary>An outcome/competency result at or above a named scale level, a score, or mastery (exactly one).</summary>
public sealed record OutcomeRule : Rule
{
    public required string OutcomeId { get; init; }

    public string? MinLevel { get; init; }

    public double? MinScore { get; init; }

    public override string Kind => RuleKinds.Outcome;
}

/// <summary>Every listed outcome/competency is mastered.</summary>
public sealed record OutcomesMasteredRule : Rule
{
    public required IReadOnlyList<string> OutcomeIds { get; init; }

    public override string Kind => RuleKinds.OutcomesMastered;
}

/// <summary>The rubric criteria of an item (all of them when none are listed) are at or above a named level.</summary>
public sealed record RubricRule : Rule
{
    public required string ItemId { get; init; }

    public IReadOnlyList<string> Criteria { get; init; } = [];

    public required string MinLevel { get; init; }

    /// <summary>Require an individual assessment: refuse items graded once for a whole group.</summary>
    public bool Individual { get; init; }

    public override string Kind => RuleKinds.Rubric;
}

/// <summary>
/// An artifact was submitted for an item, optionally of a type, on a URL host, with a file extension or
/// content type, and of a minimum size. Matching artifacts become the credential's evidence.
/// </summary>
public sealed record EvidenceRule : Rule
{
    public required string ItemId { get; init; }

    public Snapshots.ArtifactType? Type { get; init; }

    /// <summary>Accepted URL hosts; a host also accepts its subdomains (github.com accepts www.github.com).</summary>
    public IReadOnlyList<string> UrlHosts { get; init; } = [];

    /// <summary>Accepted file extensions with the dot, e.g. <c>.pdf</c>.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Accepted content types; <c>image/</c> accepts any image.</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = [];

    /// <summary>Minimum size (bytes for files, characters for text).</summary>
    public long? MinSize { get; init; }

    /// <summary>What to ask for when missing, e.g. "your repository link".</summary>
    public string? Prompt { get; init; }

    public override string Kind => RuleKinds.Evidence;
}

/// <summary>Other achievements earned (stacking): all listed, or at least <see cref="Count"/> of them.</summary>
public sealed record AchievementsRule : Rule
{
    public required IReadOnlyList<string> AchievementIds { get; init; }

    public int? Count { get; init; }

    public override string Kind => RuleKinds.Achievements;
}

/// <summary>Stands where the reader found a rule it could not read, so later rules keep their positions.</summary>
internal sealed record InvalidRule : Rule
{
    public override string Kind => "invalid";
}
