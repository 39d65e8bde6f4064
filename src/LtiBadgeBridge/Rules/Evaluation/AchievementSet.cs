using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>One achievement's decision for a learner and what the award lifecycle makes of it.</summary>
public sealed record SetDecision(Decision Decision, AwardState PreviousState, AwardTransitionResult Transition);

/// <summary>
/// The compiled achievements of a course in dependency order (see <see cref="DefinitionSet.EvaluationOrder"/>),
/// evaluated together for a learner so that stacking rules see what this same pass newly earns
/// (A and B met now makes pathway C met now, not one sync later). Achievements in a stacking cycle are
/// left out. Pure and thread-safe.
/// </summary>
public sealed class AchievementSet
{
    private readonly CompiledAchievement[] _ordered;

    public AchievementSet(IReadOnlyList<CompiledAchievement> achievements)
    {
        var byId = new Dictionary<string, CompiledAchievement>(StringComparer.Ordinal);
        foreach (var achievement in achievements)
        {
            byId.TryAdd(achievement.Id, achievement);
        }

        var order = DefinitionSet.EvaluationOrder([.. achievements.Select(a => a.Definition)]);
        _ordered = [.. order.Select(id => byId[id])];
    }

    /// <summary>The achievements in the order they are evaluated.</summary>
    public IReadOnlyList<CompiledAchievement> Ordered => _ordered;

    /// <summary>
    /// Evaluates every achievement for the learner. <paramref name="awards"/> holds the learner's current
    /// award states (earned, revoked, pending approval) for all achievements, in this course or not.
    /// With <paramref name="explain"/> false only statuses are computed (<see cref="CompiledAchievement.Check"/>).
    /// </summary>
    public IReadOnlyList<SetDecision> Evaluate(LearnerSnapshot learner, EarnedAchievements awards, bool explain = true)
    {
        var results = new SetDecision[_ordered.Length];
        var current = awards;
        for (var i = 0; i < _ordered.Length; i++)
        {
            var achievement = _ordered[i];
            var decision = explain ? achievement.Evaluate(learner, current) : achievement.Check(learner, current);
            var previous = current.StateOf(achievement.Id);
            var transition = AwardTransition.OnDecision(previous, decision.Status);
            if (transition.NextState != previous)
            {
                current = current.With(achievement.Id, transition.NextState);
            }

            results[i] = new SetDecision(decision, previous, transition);
        }

        return results;
    }
}
