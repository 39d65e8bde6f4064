using System.Globalization;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>
/// Rubric criteria of an item at or above a named level, on the latest assessment. Reported as a group
/// with one child per criterion, so a learner sees which criterion holds them back.
/// </summary>
internal sealed class RubricNode : CriterionNode
{
    private readonly string _itemId;
    private readonly string _minLevel;
    private readonly CompiledCriterion[] _criteria;

    public RubricNode(string id, string label, string itemId, string minLevel, CompiledCriterion[] criteria)
        : base(id, label)
    {
        _itemId = itemId;
        _minLevel = minLevel;
        _criteria = criteria;
    }

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        var assessment = Latest(context.Learner.RubricAssessments);
        var slot = context.Reserve();
        context.Depth++;
        var met = 0;
        for (var i = 0; i < _criteria.Length; i++)
        {
            var criterion = _criteria[i];
            var rating = assessment is null ? null : FindRating(assessment.Ratings, criterion.Id);
            var rank = rating is null ? -1 : criterion.Rank(rating);
            var status = assessment is null ? CriterionStatus.Pending
                : rank >= criterion.MinRank ? CriterionStatus.Met
                : CriterionStatus.NotMet;
            if (status == CriterionStatus.Met)
            {
                met++;
            }

            if (context.Explain)
            {
                ExplainCriterion(context, criterion, rating, rank, status, assessment is not null);
            }
        }

        context.Depth--;
        var overall = met == _criteria.Length ? CriterionStatus.Met : assessment is null ? CriterionStatus.Pending : CriterionStatus.NotMet;
        if (context.Explain)
        {
            context.Set(slot, new CriterionResult
            {
                Depth = context.Depth,
                Id = Id,
                Kind = RuleKinds.Rubric,
                Label = Label,
                Status = overall,
                IsGroup = true,
                CurrentValue = met,
                RequiredValue = _criteria.Length,
                Unit = "criteria",
                Current = string.Create(CultureInfo.InvariantCulture, $"{met} of {_criteria.Length}"),
                Requirement = _minLevel + " or better on every criterion",
                Explanation = assessment is null
                    ? $"{Label}: not assessed yet, {_minLevel} or better needed on {_criteria.Length} criteria"
                    : string.Create(CultureInfo.InvariantCulture, $"{Label}: {met} of {_criteria.Length} criteria at {_minLevel} or better"),
                ItemId = _itemId,
            });
        }

        return new NodeOutcome(overall, _criteria.Length - met);
    }

    private void ExplainCriterion(EvaluationContext context, CompiledCriterion criterion, CriterionRating? rating, int rank, CriterionStatus status, bool assessed)
    {
        var label = criterion.Label;
        var shown = !assessed ? "not assessed yet"
            : rating is null ? "not rated"
            : rank >= 0 ? criterion.LevelName(rank)
            : rating.LevelName ?? rating.LevelId ?? "unknown level";
        context.Add(new CriterionResult
        {
            Depth = context.Depth,
            Id = criterion.ResultId,
            Kind = "rubricCriterion",
            Label = label,
            Status = status,
            CurrentValue = rank,
            RequiredValue = criterion.MinRank,
            Unit = "level",
            Current = shown,
            Requirement = _minLevel,
            Explanation = status == CriterionStatus.Met ? $"{label}: {shown} ({_minLevel} needed)" : $"{label}: {shown}, {_minLevel} needed",
            ItemId = _itemId,
        });

        if (status == CriterionStatus.Met)
        {
            context.Achieved!.Add(new AchievedResult
            {
                CriterionId = criterion.ResultId,
                Name = criterion.ResultName,
                ResultType = AchievedResult.Types.RubricCriterionLevel,
                Value = shown,
                ItemId = _itemId,
            });
        }
    }

    private RubricAssessment? Latest(IReadOnlyList<RubricAssessment> assessments)
    {
        RubricAssessment? latest = null;
        for (var i = 0; i < assessments.Count; i++)
        {
            var assessment = assessments[i];
            if (string.Equals(assessment.ItemId, _itemId, StringComparison.Ordinal) && (latest is null || assessment.Attempt >= latest.Attempt))
            {
                latest = assessment;
            }
        }

        return latest;
    }

    private static CriterionRating? FindRating(IReadOnlyList<CriterionRating> ratings, string criterionId)
    {
        for (var i = 0; i < ratings.Count; i++)
        {
            if (string.Equals(ratings[i].CriterionId, criterionId, StringComparison.Ordinal))
            {
                return ratings[i];
            }
        }

        return null;
    }
}
