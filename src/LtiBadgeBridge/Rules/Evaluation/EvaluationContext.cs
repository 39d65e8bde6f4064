using System.Runtime.InteropServices;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>One evaluation's inputs and, when explaining, the results being collected.</summary>
internal sealed class EvaluationContext
{
    public EvaluationContext(LearnerSnapshot learner, EarnedAchievements earned, bool explain)
    {
        Learner = learner;
        Earned = earned;
        if (explain)
        {
            Results = [];
            Evidence = [];
            Achieved = [];
        }
    }

    public LearnerSnapshot Learner { get; }

    public EarnedAchievements Earned { get; }

    /// <summary>Null when only the status is wanted: nodes then skip all text formatting.</summary>
    public List<CriterionResult?>? Results { get; }

    public List<Artifact>? Evidence { get; }

    public List<AchievedResult>? Achieved { get; }

    public int Depth { get; set; }

    public bool Explain => Results is not null;

    /// <summary>Adds a result; the node sets <see cref="CriterionResult.Depth"/> from <see cref="Depth"/>.</summary>
    public void Add(CriterionResult result) => Results?.Add(result);

    public int Reserve()
    {
        Results?.Add(null);
        return Results is null ? -1 : Results.Count - 1;
    }

    public void Set(int slot, CriterionResult result)
    {
        if (Results is not null)
        {
            Results[slot] = result;
        }
    }
}

/// <summary>What a node reports up to its parent.</summary>
/// <param name="Status">Met, not met, or pending a grade.</param>
/// <param name="ShortBy">The fewest unmet leaves that would have to be met for this node to be met.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct NodeOutcome(CriterionStatus Status, int ShortBy)
{
    public bool Met => Status == CriterionStatus.Met;

    public static NodeOutcome Leaf(CriterionStatus status) => new(status, status == CriterionStatus.Met ? 0 : 1);
}
