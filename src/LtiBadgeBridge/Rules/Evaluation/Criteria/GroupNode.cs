using System.Globalization;

namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>all / any / at least N of the children. <c>all</c> is at least Count of Count; <c>any</c> at least 1.</summary>
internal sealed class GroupNode : CriterionNode
{
    private readonly CriterionNode[] _children;
    private readonly int _required;
    private readonly string _kind;

    public GroupNode(string id, string label, string kind, CriterionNode[] children, int required)
        : base(id, label)
    {
        _children = children;
        _required = required;
        _kind = kind;
        _requirement = required == children.Length ? "all" : required == 1 ? "any one" : string.Create(CultureInfo.InvariantCulture, $"at least {required}");
    }

    private readonly string _requirement;

    public override NodeOutcome Evaluate(EvaluationContext context)
    {
        var slot = context.Reserve();
        context.Depth++;
        var met = 0;
        var pending = false;
        Span<int> shortBy = _children.Length <= 64 ? stackalloc int[_children.Length] : new int[_children.Length];
        for (var i = 0; i < _children.Length; i++)
        {
            var outcome = _children[i].Evaluate(context);
            shortBy[i] = outcome.ShortBy;
            if (outcome.Met)
            {
                met++;
            }
            else if (outcome.Status == CriterionStatus.Pending)
            {
                pending = true;
            }
        }

        context.Depth--;
        var missing = Math.Max(0, _required - met);
        var total = 0;
        if (missing > 0)
        {
            // The cheapest `missing` unmet children: sort the small span and take the smallest non-zero costs.
            shortBy.Sort();
            var taken = 0;
            for (var i = 0; i < shortBy.Length && taken < missing; i++)
            {
                if (shortBy[i] > 0)
                {
                    total += shortBy[i];
                    taken++;
                }
            }
        }

        var status = missing == 0 ? CriterionStatus.Met : pending ? CriterionStatus.Pending : CriterionStatus.NotMet;
        if (context.Explain)
        {
            context.Set(slot, new CriterionResult
            {
                Depth = context.Depth,
                Id = Id,
                Kind = _kind,
                Label = Label,
                Status = status,
                IsGroup = true,
                CurrentValue = met,
                RequiredValue = _required,
                Unit = "criteria",
                Current = string.Create(CultureInfo.InvariantCulture, $"{met} of {_children.Length}"),
                Requirement = _requirement,
                Explanation = string.Create(CultureInfo.InvariantCulture, $"{Label}: {met} of {_children.Length} met, {_requirement} needed"),
            });
        }

        return new NodeOutcome(status, total);
    }
}
