using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation.Criteria;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>
/// A definition compiled against a course catalogue (see <see cref="AchievementCompiler"/>). Immutable and
/// thread-safe: evaluate any number of learners, from any number of threads. Evaluation is pure: the same
/// snapshot and earned achievements always give the same decision.
/// </summary>
public sealed class CompiledAchievement
{
    private readonly CriterionNode _root;

    internal CompiledAchievement(AchievementDefinition definition, string version, CriterionNode root, IReadOnlyList<CriterionInfo> leaves)
    {
        Definition = definition;
        Version = version;
        _root = root;
        Leaves = leaves;
    }

    public AchievementDefinition Definition { get; }

    public string Id => Definition.Id;

    /// <summary>The <see cref="DefinitionVersion"/> of the definition; every decision carries it.</summary>
    public string Version { get; }

    /// <summary>The leaf criteria in tree order (rubric criteria one by one).</summary>
    public IReadOnlyList<CriterionInfo> Leaves { get; }

    /// <summary>
    /// False after the definition's <see cref="AchievementDefinition.ValidUntil"/> day: the job then stops
    /// creating award intents for it. Credentials already issued do not expire.
    /// </summary>
    public bool IssuesOn(DateOnly date) => Definition.ValidUntil is not { } last || date <= last;

    /// <summary>The full decision: status, every criterion explained, evidence and results for the credential.</summary>
    public Decision Evaluate(LearnerSnapshot learner, EarnedAchievements earned)
    {
        var context = new EvaluationContext(learner, earned, explain: true);
        var outcome = _root.Evaluate(context);
        var criteria = MarkBlocking(context.Results!);
        return new Decision
        {
            AchievementId = Definition.Id,
            DefinitionVersion = Version,
            LearnerId = learner.LearnerId,
            Status = StatusOf(outcome),
            Criteria = criteria,
            ShortBy = outcome.ShortBy,
            Evidence = Distinct(context.Evidence!),
            Results = context.Achieved!,
            Summary = Summarise(outcome, criteria),
        };
    }

    /// <summary>The status only, with no explanations, evidence or results: the fast path for bulk re-evaluation.</summary>
    public Decision Check(LearnerSnapshot learner, EarnedAchievements earned)
    {
        var outcome = _root.Evaluate(new EvaluationContext(learner, earned, explain: false));
        return new Decision
        {
            AchievementId = Definition.Id,
            DefinitionVersion = Version,
            LearnerId = learner.LearnerId,
            Status = StatusOf(outcome),
            ShortBy = outcome.ShortBy,
        };
    }

    private DecisionStatus StatusOf(NodeOutcome outcome) =>
        !outcome.Met ? DecisionStatus.NotMet : Definition.RequiresApproval ? DecisionStatus.AwaitingApproval : DecisionStatus.Met;

    private static CriterionResult[] MarkBlocking(List<CriterionResult?> results)
    {
        var criteria = new CriterionResult[results.Count];
        Span<bool> unmetChain = stackalloc bool[64];
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i]!;
            var depth = Math.Min(result.Depth, 63);
            var ancestorsUnmet = depth == 0 || unmetChain[depth - 1];
            unmetChain[depth] = ancestorsUnmet && !result.Met;
            criteria[i] = !result.IsGroup && !result.Met && ancestorsUnmet ? result with { Blocking = true } : result;
        }

        return criteria;
    }

    private static List<Artifact> Distinct(List<Artifact> evidence)
    {
        var distinct = new List<Artifact>(evidence.Count);
        foreach (var artifact in evidence)
        {
            if (!distinct.Exists(a => ReferenceEquals(a, artifact)))
            {
                distinct.Add(artifact);
            }
        }

        return distinct;
    }

    private string Summarise(NodeOutcome outcome, CriterionResult[] criteria)
    {
        if (outcome.Met)
        {
            return Definition.RequiresApproval ? "All criteria met; waiting for your instructor's approval" : "Earned: all criteria met";
        }

        int leaves = 0, met = 0;
        string? next = null;
        foreach (var criterion in criteria)
        {
            if (criterion.IsGroup)
            {
                continue;
            }

            leaves++;
            if (criterion.Met)
            {
                met++;
            }
            else if (criterion.Blocking)
            {
                next ??= criterion.Explanation;
            }
        }

        return next is null ? $"{met} of {leaves} criteria met" : $"{met} of {leaves} criteria met. Next: {next}";
    }
}
