using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>An outcome/competency result at or above a scale level, or at or above a score.</summary>
internal sealed class OutcomeNode : CriterionNode
{
    private readonly OutcomeScale _scale;
    private readonly string? _minLevel;
    private readonly int _minRank;
    private readonly double? _minScore;

    public OutcomeNode(string id, string label, OutcomeScale scale, string? minLevel, double? minScore)
        : base(id, label)
    {
        _scale = scale;
        _minLevel = minLevel;
        _minRank = minLevel is null ? -1 : scale.RankOf(minLevel);
        _minScore = minScore;
    }

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        var result = _scale.Find(context.Learner.OutcomeResults);
        double? current = null;
        var status = CriterionStatus.Pending;
        var rank = -1;
        if (result is not null)
        {
            if (_minLevel is not null)
            {
                rank = _scale.Rank(result);
                current = rank;
                status = rank >= 0 && rank >= _minRank ? CriterionStatus.Met : CriterionStatus.NotMet;
            }
            else
            {
                current = _scale.Score(result);
                status = current is { } score && score >= _minScore!.Value ? CriterionStatus.Met : CriterionStatus.NotMet;
            }
        }

        if (context.Explain)
        {
            var need = _minLevel ?? Text.Number(_minScore!.Value);
            var shown = result is null ? "not assessed yet" : _minLevel is not null ? _scale.LevelName(rank) : current is { } s ? Text.Number(s) : "no score";
            context.Add(new CriterionResult
            {
                Depth = context.Depth,
                Id = Id,
                Kind = RuleKinds.Outcome,
                Label = Label,
                Status = status,
                CurrentValue = current,
                RequiredValue = _minLevel is not null ? _minRank : _minScore,
                Unit = _minLevel is not null ? "level" : "points",
                Current = shown,
                Requirement = need,
                Explanation = status == CriterionStatus.Met ? $"{Label}: {shown} ({need} needed)" : $"{Label}: {shown}, {need} needed",
            });

            if (status == CriterionStatus.Met)
            {
                context.Achieved!.Add(new AchievedResult { CriterionId = Id, Name = Label, ResultType = AchievedResult.Types.PerformanceLevel, Value = shown });
            }
        }

        return NodeOutcome.Leaf(status);
    }
}
