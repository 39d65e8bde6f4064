namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>Visits every rule of a tree with its path, parents before children.</summary>
internal static class RuleWalker
{
    public static void Walk(Rule rule, string path, Action<Rule, string> visit)
    {
        visit(rule, path);
        var children = Children(rule);
        for (var i = 0; i < children.Count; i++)
        {
            Walk(children[i], RulePaths.Child(path, rule, i), visit);
        }
    }

    public static IReadOnlyList<Rule> Children(Rule rule) => rule switch
    {
        AllRule all => all.Rules,
        AnyRule any => any.Rules,
        AtLeastRule atLeast => atLeast.Rules,
        _ => [],
    };

    public static bool IsCombinator(Rule rule) => rule is AllRule or AnyRule or AtLeastRule;
}
