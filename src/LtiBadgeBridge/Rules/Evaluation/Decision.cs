using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>
/// The decision for one learner and one achievement: met, not met or awaiting approval, where the learner
/// stands on every criterion, and — for issuance — the evidence and results to put on the credential and
/// the definition version that decided it.
/// </summary>
public sealed record Decision
{
    public required string AchievementId { get; init; }

    /// <summary>The <see cref="Definitions.DefinitionVersion"/> of the definition that was evaluated.</summary>
    public required string DefinitionVersion { get; init; }

    public required string LearnerId { get; init; }

    public required DecisionStatus Status { get; init; }

    /// <summary>True when every rule is met (whether or not approval is still needed).</summary>
    public bool RulesMet => Status != DecisionStatus.NotMet;

    /// <summary>Every criterion in tree order; empty from <see cref="CompiledAchievement.Check"/>.</summary>
    public IReadOnlyList<CriterionResult> Criteria { get; init; } = [];

    /// <summary>The fewest unmet criteria that, once met, would meet the rules (0 when met).</summary>
    public required int ShortBy { get; init; }

    /// <summary>Artifacts that satisfied evidence rules, latest attempt first.</summary>
    public IReadOnlyList<Artifact> Evidence { get; init; } = [];

    /// <summary>Grades and levels achieved on met criteria, for the credential's results.</summary>
    public IReadOnlyList<AchievedResult> Results { get; init; } = [];

    /// <summary>A one-line summary ("Earned", "2 of 4 criteria met: ...").</summary>
    public string Summary { get; init; } = string.Empty;
}
