using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>Options of a dry run.</summary>
public sealed record DryRunOptions
{
    /// <summary>A learner is close when every blocking criterion is within this many units (percentage points, points) of its requirement.</summary>
    public double CloseMargin { get; init; } = 5;

    /// <summary>A learner is close when at most this many criteria stand between them and the achievement.</summary>
    public int CloseShortBy { get; init; } = 1;
}

/// <summary>A learner to include in a dry run with their other awards (for stacking rules).</summary>
public sealed record DryRunLearner(LearnerSnapshot Snapshot, EarnedAchievements Earned);

/// <summary>Evaluates a (draft) compiled achievement over every learner of a course without side effects.</summary>
public static class DryRun
{
    public static DryRunReport Run(CompiledAchievement achievement, IEnumerable<DryRunLearner> learners, DryRunOptions? options = null)
    {
        options ??= new DryRunOptions();
        var leaves = achievement.Leaves;
        var index = new Dictionary<string, int>(leaves.Count, StringComparer.Ordinal);
        for (var i = 0; i < leaves.Count; i++)
        {
            index[leaves[i].Id] = i;
        }

        var met = new int[leaves.Count];
        var blocked = new int[leaves.Count];
        var alone = new int[leaves.Count];
        var pending = new int[leaves.Count];
        var wouldEarn = new List<string>();
        var awaiting = new List<string>();
        var close = new List<CloseLearner>();
        var count = 0;

        foreach (var learner in learners)
        {
            count++;
            var decision = achievement.Evaluate(learner.Snapshot, learner.Earned);
            var blocking = new List<CriterionResult>();
            foreach (var criterion in decision.Criteria)
            {
                if (criterion.IsGroup || !index.TryGetValue(criterion.Id, out var i))
                {
                    continue;
                }

                if (criterion.Met)
                {
                    met[i]++;
                }
                else if (criterion.Status == CriterionStatus.Pending)
                {
                    pending[i]++;
                }

                if (criterion.Blocking)
                {
                    blocked[i]++;
                    blocking.Add(criterion);
                }
            }

            if (decision.RulesMet)
            {
                wouldEarn.Add(decision.LearnerId);
                if (decision.Status == DecisionStatus.AwaitingApproval)
                {
                    awaiting.Add(decision.LearnerId);
                }

                continue;
            }

            if (decision.ShortBy == 1 && blocking.Count == 1)
            {
                alone[index[blocking[0].Id]]++;
            }

            var withinMargin = blocking.Count > 0 && blocking.TrueForAll(c => c.Gap is { } gap && gap <= options.CloseMargin && c.Unit is "%" or "points");
            if (decision.ShortBy <= options.CloseShortBy || withinMargin)
            {
                close.Add(new CloseLearner { LearnerId = decision.LearnerId, ShortBy = decision.ShortBy, Blocking = blocking });
            }
        }

        var criteria = new CriterionBlockCount[leaves.Count];
        CriterionBlockCount? bottleneck = null;
        for (var i = 0; i < leaves.Count; i++)
        {
            criteria[i] = new CriterionBlockCount
            {
                CriterionId = leaves[i].Id,
                Label = leaves[i].Label,
                Kind = leaves[i].Kind,
                Met = met[i],
                Blocked = blocked[i],
                BlockedAlone = alone[i],
                Pending = pending[i],
            };
            if (criteria[i].Blocked > 0 && (bottleneck is null || criteria[i].Blocked > bottleneck.Blocked))
            {
                bottleneck = criteria[i];
            }
        }

        return new DryRunReport
        {
            AchievementId = achievement.Id,
            DefinitionVersion = achievement.Version,
            Learners = count,
            WouldEarn = wouldEarn,
            AwaitingApproval = awaiting,
            Close = close,
            Criteria = criteria,
            Bottleneck = bottleneck,
        };
    }
}
