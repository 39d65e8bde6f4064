using System.Globalization;
using System.Text;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>
/// The weighted average percentage of a set of items. Policy: excused items and items without points
/// possible are left out (weights renormalised) and the explanation says so; missing counts as 0; while
/// any counted item is not graded yet the criterion is pending, even if the graded ones already reach it.
/// </summary>
internal sealed class AverageScoreNode : CriterionNode
{
    private readonly string[] _itemIds;
    private readonly double?[] _maximums;
    private readonly double[] _weights;
    private readonly double _minPercent;

    public AverageScoreNode(string id, string label, string[] itemIds, double?[] maximums, double[] weights, double minPercent)
        : base(id, label)
    {
        _itemIds = itemIds;
        _maximums = maximums;
        _weights = weights;
        _minPercent = minPercent;
    }

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        double weighted = 0, weights = 0;
        int excused = 0, ungraded = 0, noPoints = 0, missing = 0;
        for (var i = 0; i < _itemIds.Length; i++)
        {
            var score = ScoreLookup.Find(context.Learner.Scores, _itemIds[i], _maximums[i]);
            switch (score.State)
            {
                case ScoreState.Excused:
                    excused++;
                    continue;
                case ScoreState.Ungraded:
                    ungraded++;
                    continue;
                case ScoreState.Missing:
                    missing++;
                    break;
            }

            if (score.Percent is not { } percent)
            {
                noPoints++;
                continue;
            }

            weighted += percent * _weights[i];
            weights += _weights[i];
        }

        double? average = weights > 0 ? weighted / weights : null;
        var status = ungraded > 0
            ? CriterionStatus.Pending
            : average is { } a && a >= _minPercent ? CriterionStatus.Met : CriterionStatus.NotMet;

        if (context.Explain)
        {
            var need = Text.Percent(_minPercent);
            var text = new StringBuilder(Label).Append(": ");
            if (average is { } shown)
            {
                text.Append(Text.Percent(shown)).Append(status == CriterionStatus.Met ? " (" + need + " needed)" : " of " + need + " needed");
            }
            else
            {
                text.Append("no graded items yet, ").Append(need).Append(" needed");
            }

            Note(text, ungraded, "not graded yet; it counts once graded", "not graded yet; they count once graded");
            Note(text, missing, "missing, counted as 0", "missing, counted as 0");
            Note(text, excused, "excused and not counted", "excused and not counted");
            Note(text, noPoints, "without points possible and not counted", "without points possible and not counted");
            context.Add(new CriterionResult
            {
                Depth = context.Depth,
                Id = Id,
                Kind = RuleKinds.AverageScore,
                Label = Label,
                Status = status,
                CurrentValue = average,
                RequiredValue = _minPercent,
                Unit = "%",
                Current = average is { } c ? Text.Percent(c) : "not graded",
                Requirement = need,
                Explanation = text.ToString(),
            });

            if (status == CriterionStatus.Met)
            {
                context.Achieved!.Add(new AchievedResult { CriterionId = Id, Name = Label, ResultType = AchievedResult.Types.Percent, Value = Text.Number(average!.Value) });
            }
        }

        return NodeOutcome.Leaf(status);
    }

    private static void Note(StringBuilder text, int count, string one, string many)
    {
        if (count > 0)
        {
            text.Append("; ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(count == 1 ? " item " + one : " items " + many);
        }
    }
}
