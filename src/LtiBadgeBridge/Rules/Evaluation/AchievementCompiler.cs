using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation.Criteria;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>
/// Validates a definition against a course catalogue and compiles it into a <see cref="CompiledAchievement"/>:
/// ids resolved, rubric and scale levels ranked, labels and version computed once, so evaluating a learner
/// is a walk over small arrays. Compile once per (definition version, course); evaluate many learners.
/// </summary>
public static class AchievementCompiler
{
    /// <param name="definition">The definition to compile.</param>
    /// <param name="catalogue">What sync found in the course; rubric and outcome rules need it.</param>
    /// <param name="achievementNames">Display names of other achievements, for stacking explanations (ids are shown otherwise).</param>
    public static CompileResult Compile(AchievementDefinition definition, CourseCatalogue catalogue, IReadOnlyDictionary<string, string>? achievementNames = null)
    {
        var errors = AchievementValidator.Validate(definition, catalogue);
        if (AchievementValidator.HasErrors(errors))
        {
            return new CompileResult { Errors = errors };
        }

        var ids = CriterionIds.Assign(definition.Rules);
        var builder = new NodeBuilder(definition, catalogue, ids, achievementNames);
        var root = builder.Build(definition.Rules, isRoot: true);
        return new CompileResult
        {
            Achievement = new CompiledAchievement(definition, DefinitionVersion.Compute(definition), root, builder.Leaves),
            Errors = errors,
        };
    }

    private sealed class NodeBuilder(
        AchievementDefinition definition,
        CourseCatalogue catalogue,
        IReadOnlyDictionary<Rule, string> ids,
        IReadOnlyDictionary<string, string>? names)
    {
        public List<CriterionInfo> Leaves { get; } = [];

        public CriterionNode Build(Rule rule, bool isRoot = false)
        {
            var id = ids[rule];
            switch (rule)
            {
                case AllRule r:
                    return Group(r, id, r.Label ?? (isRoot ? definition.Name : "All of"), RuleKinds.All, r.Rules, r.Rules.Count);
                case AnyRule r:
                    return Group(r, id, r.Label ?? (isRoot ? definition.Name : "Any of"), RuleKinds.Any, r.Rules, 1);
                case AtLeastRule r:
                    return Group(r, id, r.Label ?? (isRoot ? definition.Name : $"At least {r.Count} of"), RuleKinds.AtLeast, r.Rules, r.Count);
                case ItemScoreRule r:
                {
                    var item = catalogue.FindItem(r.ItemId);
                    return Leaf(new ItemScoreNode(id, r.Label ?? ItemName(r.ItemId), r.ItemId, item?.PointsPossible, r.Threshold.MinPercent, r.Threshold.MinPoints), rule);
                }

                case AverageScoreRule r:
                {
                    var itemIds = r.Items.Select(i => i.ItemId).ToArray();
                    var maximums = itemIds.Select(i => catalogue.FindItem(i)?.PointsPossible).ToArray();
                    var label = r.Label ?? (r.Items.Count <= 3 ? "Average of " + string.Join(", ", itemIds.Select(ItemName)) : $"Average of {r.Items.Count} items");
                    return Leaf(new AverageScoreNode(id, label, itemIds, maximums, [.. r.Items.Select(i => i.Weight)], r.MinPercent), rule);
                }

                case CourseScoreRule r:
                    return Leaf(new CourseScoreNode(id, r.Label ?? (r.Score == CourseScoreKind.Final ? "Course grade" : "Current course grade"), r.Score, r.MinPercent), rule);
                case OutcomeRule r:
                {
                    var scale = new OutcomeScale(catalogue.FindOutcome(r.OutcomeId), r.OutcomeId);
                    return Leaf(new OutcomeNode(id, r.Label ?? $"Outcome '{scale.Name}'", scale, r.MinLevel, r.MinScore), rule);
                }

                case OutcomesMasteredRule r:
                    return Leaf(new OutcomesMasteredNode(id, r.Label ?? "Outcomes", [.. r.OutcomeIds.Select(o => new OutcomeScale(catalogue.FindOutcome(o), o))]), rule);
                case RubricRule r:
                    return Rubric(r, id);
                case EvidenceRule r:
                    return Leaf(new EvidenceNode(id, r.Label ?? "Evidence", r), rule);
                case AchievementsRule r:
                {
                    var achievementIds = r.AchievementIds.ToArray();
                    var displayNames = achievementIds.Select(a => names is not null && names.TryGetValue(a, out var n) ? n : a).ToArray();
                    return Leaf(new AchievementsNode(id, r.Label ?? "Achievements", achievementIds, displayNames, r.Count ?? achievementIds.Length), rule);
                }

                default:
                    throw new InvalidOperationException($"Unknown rule type {rule.GetType().Name}.");
            }
        }

        private GroupNode Group(Rule rule, string id, string label, string kind, IReadOnlyList<Rule> children, int required)
        {
            _ = rule;
            var nodes = new CriterionNode[children.Count];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = Build(children[i]);
            }

            return new GroupNode(id, label, kind, nodes, required);
        }

        private RubricNode Rubric(RubricRule r, string id)
        {
            var item = catalogue.FindItem(r.ItemId)!;
            var rubric = catalogue.FindRubric(item.RubricId!)!;
            var itemName = item.Name ?? "Item " + item.Id;
            var criteria = r.Criteria.Count == 0
                ? rubric.Criteria.Select(c => new CompiledCriterion(c, r.MinLevel, id, itemName)).ToArray()
                : r.Criteria.Select(c => new CompiledCriterion(rubric.FindCriterion(c)!, r.MinLevel, id, itemName)).ToArray();
            var node = new RubricNode(id, r.Label ?? itemName + " rubric", r.ItemId, r.MinLevel, criteria);
            foreach (var criterion in criteria)
            {
                Leaves.Add(new CriterionInfo { Id = criterion.ResultId, Kind = "rubricCriterion", Label = criterion.Label });
            }

            return node;
        }

        private CriterionNode Leaf(CriterionNode node, Rule rule)
        {
            Leaves.Add(new CriterionInfo { Id = node.Id, Kind = rule.Kind, Label = node.Label });
            return node;
        }

        private string ItemName(string itemId) => catalogue.FindItem(itemId)?.Name ?? "Item " + itemId;
    }
}
