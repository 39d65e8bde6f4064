namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// Checks across the definitions of a course (or institution): duplicate ids, stacking rules naming
/// unknown achievements, and stacking cycles (A needs B, B needs A); and the order to evaluate them in so
/// an achievement is decided before the ones that stack on it.
/// </summary>
public static class DefinitionSet
{
    /// <summary>
    /// Validates the set. <paramref name="externalIds"/> are achievements defined elsewhere (e.g. at the
    /// institution) that stacking rules may name. Errors carry lines when the documents came from files.
    /// </summary>
    public static IReadOnlyList<DefinitionError> Validate(IReadOnlyList<AchievementDocument> documents, IReadOnlyCollection<string>? externalIds = null)
    {
        var errors = new List<DefinitionError>();
        var byId = new Dictionary<string, AchievementDocument>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Definition is not { } definition || definition.Id.Length == 0)
            {
                continue;
            }

            if (!byId.TryAdd(definition.Id, document))
            {
                errors.Add(document.SourceMap.Place(RuleChecks.Err(DefinitionErrorCodes.DuplicateAchievementId, "id",
                    $"achievement id '{definition.Id}' is also used by {byId[definition.Id].Source ?? "another definition"}", "give each achievement its own id"), document.Source));
            }
        }

        foreach (var document in byId.Values)
        {
            foreach (var (id, path) in References(document.Definition!))
            {
                if (!byId.ContainsKey(id) && externalIds?.Contains(id) != true)
                {
                    errors.Add(document.SourceMap.Place(RuleChecks.Err(DefinitionErrorCodes.UnknownAchievement, path,
                        $"achievement '{id}' is not defined", Suggestions.Closest(id, byId.Keys) is { } close ? $"did you mean '{close}'?" : "define it first, or fix the id"), document.Source));
                }
            }
        }

        foreach (var cycle in FindCycles(byId.ToDictionary(p => p.Key, p => p.Value.Definition!, StringComparer.Ordinal)))
        {
            var document = byId[cycle[0]];
            var path = References(document.Definition!).First(r => string.Equals(r.Id, cycle[1], StringComparison.Ordinal)).Path;
            errors.Add(document.SourceMap.Place(RuleChecks.Err(DefinitionErrorCodes.StackingCycle, path,
                "stacking cycle: " + string.Join(" → ", cycle), "an achievement cannot depend on itself through others; remove one of these links"), document.Source));
        }

        return AchievementValidator.Sorted(errors);
    }

    /// <summary>Validates definitions built in code.</summary>
    public static IReadOnlyList<DefinitionError> Validate(IReadOnlyList<AchievementDefinition> definitions, IReadOnlyCollection<string>? externalIds = null) =>
        Validate([.. definitions.Select(d => new AchievementDocument { Definition = d })], externalIds);

    /// <summary>
    /// The ids in an order where every achievement comes after the ones its stacking rules name (ties keep
    /// input order). Definitions in a cycle are left out; <see cref="Validate(IReadOnlyList{AchievementDefinition}, IReadOnlyCollection{string}?)"/> reports them.
    /// </summary>
    public static IReadOnlyList<string> EvaluationOrder(IReadOnlyList<AchievementDefinition> definitions)
    {
        var byId = new Dictionary<string, AchievementDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            byId.TryAdd(definition.Id, definition);
        }

        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done, 3 in a cycle
        foreach (var definition in definitions)
        {
            Visit(definition.Id);
        }

        return order;

        bool Visit(string id)
        {
            if (state.TryGetValue(id, out var s))
            {
                return s == 2;
            }

            state[id] = 1;
            var ok = true;
            foreach (var (dependency, _) in References(byId[id]))
            {
                if (byId.ContainsKey(dependency) && !Visit(dependency))
                {
                    ok = false;
                }
            }

            state[id] = ok ? 2 : 3;
            if (ok)
            {
                order.Add(id);
            }

            return ok;
        }
    }

    internal static List<(string Id, string Path)> References(AchievementDefinition definition)
    {
        var references = new List<(string, string)>();
        RuleWalker.Walk(definition.Rules, RulePaths.Root, (rule, path) =>
        {
            if (rule is AchievementsRule stacking)
            {
                for (var i = 0; i < stacking.AchievementIds.Count; i++)
                {
                    references.Add((stacking.AchievementIds[i], RulePaths.Index(path + "." + RuleKinds.Achievements, i)));
                }
            }
        });
        return references;
    }

    /// <summary>Each elementary cycle found by a depth-first search, reported once, as "a → b → a".</summary>
    private static List<List<string>> FindCycles(Dictionary<string, AchievementDefinition> byId)
    {
        var cycles = new List<List<string>>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var id in byId.Keys)
        {
            Visit(id);
        }

        return cycles;

        void Visit(string id)
        {
            var at = stack.IndexOf(id);
            if (at >= 0)
            {
                var cycle = stack.GetRange(at, stack.Count - at);
                var key = string.Join("|", cycle.Order(StringComparer.Ordinal));
                if (reported.Add(key))
                {
                    cycles.Add([.. cycle, id]);
                }

                return;
            }

            if (done.Contains(id) || !byId.TryGetValue(id, out var definition))
            {
                return;
            }

            stack.Add(id);
            foreach (var (dependency, _) in References(definition))
            {
                Visit(dependency);
            }

            stack.RemoveAt(stack.Count - 1);
            done.Add(id);
        }
    }
}
