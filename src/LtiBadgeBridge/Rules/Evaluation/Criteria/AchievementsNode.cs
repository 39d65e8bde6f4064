using System.Text;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>Stacking: at least N of the listed achievements earned. Revoked and pending awards do not count.</summary>
internal sealed class AchievementsNode : CriterionNode
{
    private readonly string[] _ids;
    private readonly string[] _names;
    private readonly int _required;

    public AchievementsNode(string id, string label, string[] ids, string[] names, int required)
        : base(id, label)
    {
        _ids = ids;
        _names = names;
        _required = required;
    }

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        var earned = 0;
        for (var i = 0; i < _ids.Length; i++)
        {
            if (context.Earned.IsEarned(_ids[i]))
            {
                earned++;
            }
        }

        var status = earned >= _required ? CriterionStatus.Met : CriterionStatus.NotMet;
        if (context.Explain)
        {
            var need = _required == _ids.Length ? (_ids.Length == 1 ? _names[0] : $"all {_ids.Length}") : $"{_required} of {_ids.Length}";
            var text = new StringBuilder(Label).Append(": ").Append(earned).Append(" of ").Append(_ids.Length).Append(" earned, ").Append(need).Append(" needed");
            if (status != CriterionStatus.Met)
            {
                var separator = "; still to earn: ";
                for (var i = 0; i < _ids.Length; i++)
                {
                    var state = context.Earned.StateOf(_ids[i]);
                    if (state == AwardState.Earned)
                    {
                        continue;
                    }

                    text.Append(separator).Append(_names[i]).Append(state switch
                    {
                        AwardState.Revoked => " (revoked)",
                        AwardState.PendingApproval => " (awaiting approval)",
                        _ => string.Empty,
                    });
                    separator = ", ";
                }
            }

            context.Add(new CriterionResult
            {
                Depth = context.Depth,
                Id = Id,
                Kind = RuleKinds.Achievements,
                Label = Label,
                Status = status,
                CurrentValue = earned,
                RequiredValue = _required,
                Unit = "achievements",
                Current = $"{earned} of {_ids.Length}",
                Requirement = need,
                Explanation = text.ToString(),
            });
        }

        return NodeOutcome.Leaf(status);
    }
}
