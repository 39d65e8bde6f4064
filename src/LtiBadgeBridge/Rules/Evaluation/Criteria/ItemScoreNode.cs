using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>One item's score at or above a percentage or a number of points.</summary>
internal sealed class ItemScoreNode : CriterionNode
{
    private readonly string _itemId;
    private readonly double? _catalogueMaximum;
    private readonly double? _minPercent;
    private readonly double? _minPoints;

    public ItemScoreNode(string id, string label, string itemId, double? catalogueMaximum, double? minPercent, double? minPoints)
        : base(id, label)
    {
        _itemId = itemId;
        _catalogueMaximum = catalogueMaximum;
        _minPercent = minPercent;
        _minPoints = minPoints;
    }

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        var score = ScoreLookup.Find(context.Learner.Scores, _itemId, _catalogueMaximum);
        var percentMode = _minPercent.HasValue;
        var value = percentMode ? score.Percent : score.CountedPoints;
        var required = percentMode ? _minPercent!.Value : _minPoints!.Value;
        var status = score.State switch
        {
            ScoreState.Ungraded => CriterionStatus.Pending,
            ScoreState.Excused => CriterionStatus.NotMet,
            _ => value is { } v && v >= required ? CriterionStatus.Met : CriterionStatus.NotMet,
        };

        if (context.Explain)
        {
            Explain(context, score, value, required, status);
        }

        return NodeOutcome.Leaf(status);
    }

    private void Explain(EvaluationContext context, EffectiveScore score, double? value, double required, CriterionStatus status)
    {
        var percentMode = _minPercent.HasValue;
        var need = percentMode ? Text.Percent(required) : Text.Points(required);
        var shown = value is { } v ? (percentMode ? Text.Percent(v) : Text.Number(v)) : null;
        var late = score.Late ? "; submitted late (any late penalty is in the grade)" : string.Empty;
        var attempt = score.Attempt > 1 ? $"; attempt {score.Attempt} counts" : string.Empty;
        var explanation = score.State switch
        {
            ScoreState.Ungraded => $"{Label}: not graded yet, {need} needed",
            ScoreState.Excused => $"{Label}: excused, so it cannot count toward this badge; ask your instructor",
            ScoreState.Missing => $"{Label}: missing, counted as 0, {need} needed",
            _ when value is null => $"{Label}: has no points possible, so no percentage can be computed",
            _ when status == CriterionStatus.Met => percentMode ? $"{Label}: {shown} ({need} needed){late}{attempt}" : $"{Label}: {shown} of {need} needed, met{late}{attempt}",
            _ => $"{Label}: {shown} of {need} needed{late}{attempt}",
        };

        context.Add(new CriterionResult
        {
            Depth = context.Depth,
            Id = Id,
            Kind = Definitions.RuleKinds.ItemScore,
            Label = Label,
            Status = status,
            CurrentValue = value,
            RequiredValue = required,
            Unit = percentMode ? "%" : "points",
            Current = score.State switch
            {
                ScoreState.Ungraded => "not graded",
                ScoreState.Excused => "excused",
                _ => shown,
            },
            Requirement = need,
            Explanation = explanation,
            ItemId = _itemId,
        });

        if (status == CriterionStatus.Met && value is { } achieved)
        {
            context.Achieved!.Add(new AchievedResult
            {
                CriterionId = Id,
                Name = Label,
                ResultType = percentMode ? AchievedResult.Types.Percent : AchievedResult.Types.RawScore,
                Value = Text.Number(achieved),
                ItemId = _itemId,
            });
        }
    }
}
