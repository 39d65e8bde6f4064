using YamlDotNet.RepresentationModel;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>Reads the rule tree. A rule is a mapping with exactly one key that names its kind.</summary>
internal static class RuleReader
{
    private static readonly Dictionary<string, string[]> KeysByKind = new(StringComparer.Ordinal)
    {
        [RuleKinds.All] = ["id", "label", RuleKinds.All],
        [RuleKinds.Any] = ["id", "label", RuleKinds.Any],
        ["of"] = ["id", "label", "of", "atLeast"],
        [RuleKinds.ItemScore] = ["id", "label", RuleKinds.ItemScore, "minPercent", "minPoints"],
        [RuleKinds.AverageScore] = ["id", "label", RuleKinds.AverageScore, "minPercent"],
        [RuleKinds.CourseScore] = ["id", "label", RuleKinds.CourseScore, "minPercent"],
        [RuleKinds.Outcome] = ["id", "label", RuleKinds.Outcome, "minLevel", "minScore"],
        [RuleKinds.OutcomesMastered] = ["id", "label", RuleKinds.OutcomesMastered],
        [RuleKinds.Rubric] = ["id", "label", RuleKinds.Rubric, "criteria", "minLevel", "individual"],
        [RuleKinds.Evidence] = ["id", "label", RuleKinds.Evidence, "type", "urlHost", "extension", "contentType", "minSize", "prompt"],
        [RuleKinds.Achievements] = ["id", "label", RuleKinds.Achievements, "atLeast"],
    };

    private static readonly string[] WeightedItemKeys = ["item", "weight"];

    public static Rule? Read(YamlFields f, YamlNode node, string path)
    {
        f.Locate(path, node);
        if (node is not YamlMappingNode mapping)
        {
            f.Error(node, path, DefinitionErrorCodes.WrongType, "a rule must be a mapping such as 'itemScore: \"123\"' with its settings",
                "see docs/achievements.md for the rule kinds");
            return null;
        }

        string? kind = null;
        var keys = new List<string>();
        foreach (var key in mapping.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                keys.Add(name);
                if (!KeysByKind.ContainsKey(name))
                {
                    continue;
                }

                if (kind is not null)
                {
                    f.Error(key, path, DefinitionErrorCodes.RuleKindAmbiguous, $"a rule has one kind, but this one has both '{kind}' and '{name}'",
                        "split it into two rules inside 'all:'");
                    return null;
                }

                kind = name;
            }
        }

        if (kind is null)
        {
            var hint = keys.Contains("atLeast")
                ? "'atLeast: N' needs 'of:' with a list of rules, or 'achievements:' with a list of achievement ids"
                : "start the rule with one of: " + string.Join(", ", RuleKinds.Discriminators.Where(k => k != "of").Append("atLeast + of"));
            var closest = keys.Count > 0 ? Suggestions.Closest(keys[0], KeysByKind.Keys) : null;
            if (closest is not null && !keys.Contains("atLeast"))
            {
                hint = $"did you mean '{closest}'?";
            }

            f.Error(node, path, DefinitionErrorCodes.RuleKindUnknown, "this rule has no kind", hint);
            return null;
        }

        var e = f.Mapping(node, path, KeysByKind[kind]);
        if (e is null)
        {
            return null;
        }

        var id = f.Text(e, "id", path);
        var label = f.Text(e, "label", path);
        Rule? rule = kind switch
        {
            RuleKinds.All => new AllRule { Rules = Children(f, e[kind], RulePaths.Field(path, kind)) },
            RuleKinds.Any => new AnyRule { Rules = Children(f, e[kind], RulePaths.Field(path, kind)) },
            "of" => new AtLeastRule { Count = f.Integer(e, "atLeast", path) ?? 0, Rules = Children(f, e[kind], RulePaths.Field(path, kind)) },
            RuleKinds.ItemScore => new ItemScoreRule
            {
                ItemId = f.Text(e, kind, path) ?? string.Empty,
                Threshold = new Threshold { MinPercent = f.Number(e, "minPercent", path, percent: true), MinPoints = f.Number(e, "minPoints", path) },
            },
            RuleKinds.AverageScore => new AverageScoreRule
            {
                Items = WeightedItems(f, e[kind], RulePaths.Field(path, kind)),
                MinPercent = f.Number(e, "minPercent", path, percent: true) ?? double.NaN,
            },
            RuleKinds.CourseScore => new CourseScoreRule
            {
                Score = f.Enum(e, kind, path, AchievementDefinitionReader.CourseScoreKinds) ?? CourseScoreKind.Final,
                MinPercent = f.Number(e, "minPercent", path, percent: true) ?? double.NaN,
            },
            RuleKinds.Outcome => new OutcomeRule
            {
                OutcomeId = f.Text(e, kind, path) ?? string.Empty,
                MinLevel = f.Text(e, "minLevel", path),
                MinScore = f.Number(e, "minScore", path),
            },
            RuleKinds.OutcomesMastered => new OutcomesMasteredRule { OutcomeIds = f.TextList(e, kind, path) },
            RuleKinds.Rubric => new RubricRule
            {
                ItemId = f.Text(e, kind, path) ?? string.Empty,
                Criteria = f.TextList(e, "criteria", path),
                MinLevel = f.Text(e, "minLevel", path) ?? string.Empty,
                Individual = f.Boolean(e, "individual", path) ?? false,
            },
            RuleKinds.Evidence => new EvidenceRule
            {
                ItemId = f.Text(e, kind, path) ?? string.Empty,
                Type = f.Enum(e, "type", path, AchievementDefinitionReader.ArtifactTypes),
                UrlHosts = f.TextList(e, "urlHost", path),
                Extensions = f.TextList(e, "extension", path),
                ContentTypes = f.TextList(e, "contentType", path),
                MinSize = f.Integer(e, "minSize", path),
                Prompt = f.Text(e, "prompt", path),
            },
            RuleKinds.Achievements => new AchievementsRule
            {
                AchievementIds = f.TextList(e, kind, path),
                Count = f.Integer(e, "atLeast", path),
            },
            _ => null,
        };

        return rule is null ? null : rule with { Id = id, Label = label };
    }

    private static List<Rule> Children(YamlFields f, YamlNode node, string listPath)
    {
        var rules = new List<Rule>();
        if (node is not YamlSequenceNode sequence)
        {
            f.Error(node, listPath, DefinitionErrorCodes.WrongType, "expected a list of rules (each line starting with '- ')");
            return rules;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            rules.Add(Read(f, sequence.Children[i], RulePaths.Index(listPath, i)) ?? new InvalidRule());
        }

        return rules;
    }

    private static List<WeightedItem> WeightedItems(YamlFields f, YamlNode node, string listPath)
    {
        var items = new List<WeightedItem>();
        if (node is not YamlSequenceNode sequence)
        {
            f.Error(node, listPath, DefinitionErrorCodes.WrongType, "averageScore must list items: ids, or 'item:' with 'weight:'");
            return items;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var child = sequence.Children[i];
            var path = RulePaths.Index(listPath, i);
            f.Locate(path, child);
            if (child is YamlScalarNode { Value: { } id })
            {
                items.Add(new WeightedItem { ItemId = id });
                continue;
            }

            var e = f.Mapping(child, path, WeightedItemKeys);
            if (e is not null)
            {
                items.Add(new WeightedItem { ItemId = f.Text(e, "item", path) ?? string.Empty, Weight = f.Number(e, "weight", path) ?? 1 });
            }
        }

        return items;
    }
}
