namespace LtiBadgeBridge.Rules.Evaluation.Criteria;

/// <summary>A compiled rule: evaluates one learner with no lookups by name, no LINQ and, unless explaining, no strings.</summary>
internal abstract class CriterionNode
{
    protected CriterionNode(string id, string label)
    {
        Id = id;
        Label = label;
    }

    public string Id { get; }

    public string Label { get; }

    public abstract NodeOutcome Evaluate(EvaluationContext context);
}
