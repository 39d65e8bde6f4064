using System.Text;
using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>Every listed outcome/competency mastered.</summary>
internal sealed class OutcomesMasteredNode : CriterionNode
{
    private readonly OutcomeScale[] _scales;

    public OutcomesMasteredNode(string id, string label, OutcomeScale[] scales)
        : base(id, label)
    {
        _scales = scales;
    }

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        var mastered = 0;
        var unassessed = 0;
        for (var i = 0; i < _scales.Length; i++)
        {
            var result = _scales[i].Find(context.Learner.OutcomeResults);
            if (result is null)
            {
                unassessed++;
            }
            else if (_scales[i].IsMastered(result))
            {
                mastered++;
            }
        }

        var status = mastered == _scales.Length ? CriterionStatus.Met
            : mastered + unassessed == _scales.Length ? CriterionStatus.Pending
            : CriterionStatus.NotMet;
        if (context.Explain)
        {
            var text = new StringBuilder(Label).Append(": ").Append(mastered).Append(" of ").Append(_scales.Length).Append(" mastered");
            if (status != CriterionStatus.Met)
            {
                var separator = "; not yet: ";
                foreach (var scale in _scales)
                {
                    var result = scale.Find(context.Learner.OutcomeResults);
                    if (result is null || !scale.IsMastered(result))
                    {
                        text.Append(separator).Append('\'').Append(scale.Name).Append('\'').Append(result is null ? " (not assessed)" : string.Empty);
                        separator = ", ";
                    }
                }
            }

            context.Add(new CriterionResult
            {
                Depth = context.Depth,
                Id = Id,
                Kind = RuleKinds.OutcomesMastered,
                Label = Label,
                Status = status,
                CurrentValue = mastered,
                RequiredValue = _scales.Length,
                Unit = "outcomes",
                Current = $"{mastered} of {_scales.Length}",
                Requirement = "all mastered",
                Explanation = text.ToString(),
            });
        }

        return NodeOutcome.Leaf(status);
    }
}
