using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>The course's final or current score at or above a percentage.</summary>
internal sealed class CourseScoreNode : CriterionNode
{
    private readonly CourseScoreKind _kind;
    private readonly double _minPercent;

    public CourseScoreNode(string id, string label, CourseScoreKind kind, double minPercent)
        : base(id, label)
    {
        _kind = kind;
        _minPercent = minPercent;
    }

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        var course = context.Learner.CourseScore;
        var value = _kind == CourseScoreKind.Final ? course?.FinalPercent : course?.CurrentPercent;
        var status = value is null ? CriterionStatus.Pending : value.Value >= _minPercent ? CriterionStatus.Met : CriterionStatus.NotMet;
        if (context.Explain)
        {
            var need = Text.Percent(_minPercent);
            context.Add(new CriterionResult
            {
                Depth = context.Depth,
                Id = Id,
                Kind = RuleKinds.CourseScore,
                Label = Label,
                Status = status,
                CurrentValue = value,
                RequiredValue = _minPercent,
                Unit = "%",
                Current = value is { } shown ? Text.Percent(shown) : "not available",
                Requirement = need,
                Explanation = value switch
                {
                    null => $"{Label}: not available yet, {need} needed",
                    _ when status == CriterionStatus.Met => $"{Label}: {Text.Percent(value.Value)} ({need} needed)",
                    _ => $"{Label}: {Text.Percent(value.Value)} of {need} needed",
                },
            });

            if (status == CriterionStatus.Met)
            {
                context.Achieved!.Add(new AchievedResult { CriterionId = Id, Name = Label, ResultType = AchievedResult.Types.Percent, Value = Text.Number(value!.Value) });
            }
        }

        return NodeOutcome.Leaf(status);
    }
}
