namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// The criterion id of each rule: its explicit <see cref="Rule.Id"/>, or one derived from its kind and
/// target ("itemScore:123", "rubric:456", "evidence:456"), made unique with "#2", "#3" in tree order.
/// </summary>
public static class CriterionIds
{
    public static IReadOnlyDictionary<Rule, string> Assign(Rule root)
    {
        var ids = new Dictionary<Rule, string>(ReferenceEqualityComparer.Instance);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        RuleWalker.Walk(root, RulePaths.Root, (rule, _) =>
        {
            var baseId = rule.Id ?? Derive(rule, ReferenceEquals(rule, root));
            if (used.TryGetValue(baseId, out var count))
            {
                used[baseId] = count + 1;
                ids[rule] = baseId + "#" + (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                used[baseId] = 1;
                ids[rule] = baseId;
            }
        });
        return ids;
    }

    private static string Derive(Rule rule, bool isRoot) => rule switch
    {
        _ when isRoot && RuleWalker.IsCombinator(rule) => RulePaths.Root,
        ItemScoreRule r => RuleKinds.ItemScore + ":" + r.ItemId,
        CourseScoreRule r => RuleKinds.CourseScore + ":" + (r.Score == CourseScoreKind.Final ? "final" : "current"),
        OutcomeRule r => RuleKinds.Outcome + ":" + r.OutcomeId,
        RubricRule r => RuleKinds.Rubric + ":" + r.ItemId,
        EvidenceRule r => RuleKinds.Evidence + ":" + r.ItemId,
        _ => rule.Kind,
    };
}
