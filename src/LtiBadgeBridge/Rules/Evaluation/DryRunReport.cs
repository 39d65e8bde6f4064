namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>
/// Who would earn a draft achievement now, who is close, and which criterion holds most learners back —
/// the data for the instructor's preview chart. Holds learner ids only, never names.
/// </summary>
public sealed record DryRunReport
{
    public required string AchievementId { get; init; }

    public required string DefinitionVersion { get; init; }

    public required int Learners { get; init; }

    /// <summary>Learners whose rules are met (including those who would then wait for approval).</summary>
    public required IReadOnlyList<string> WouldEarn { get; init; }

    /// <summary>Of <see cref="WouldEarn"/>, those who would wait for approval.</summary>
    public required IReadOnlyList<string> AwaitingApproval { get; init; }

    /// <summary>Learners not met but close: one criterion short, or every blocking criterion within the margin.</summary>
    public required IReadOnlyList<CloseLearner> Close { get; init; }

    /// <summary>Per leaf criterion, in definition order: how many learners it blocks.</summary>
    public required IReadOnlyList<CriterionBlockCount> Criteria { get; init; }

    /// <summary>The criterion that blocks the most learners, or null when it blocks nobody.</summary>
    public CriterionBlockCount? Bottleneck { get; init; }
}

/// <summary>A learner who nearly qualifies, and what stands in the way.</summary>
public sealed record CloseLearner
{
    public required string LearnerId { get; init; }

    public required int ShortBy { get; init; }

    /// <summary>The blocking criteria with their explanations.</summary>
    public required IReadOnlyList<CriterionResult> Blocking { get; init; }
}

/// <summary>How one criterion fares across a course's learners.</summary>
public sealed record CriterionBlockCount
{
    public required string CriterionId { get; init; }

    public required string Label { get; init; }

    public required string Kind { get; init; }

    public int Met { get; init; }

    /// <summary>Learners for whom this criterion is unmet and on their path (see <see cref="CriterionResult.Blocking"/>).</summary>
    public int Blocked { get; init; }

    /// <summary>Learners for whom this is the only thing missing.</summary>
    public int BlockedAlone { get; init; }

    /// <summary>Learners still waiting for a grade or assessment on it.</summary>
    public int Pending { get; init; }
}
