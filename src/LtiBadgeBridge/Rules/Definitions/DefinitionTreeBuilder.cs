using System.Globalization;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>Turns a definition into its <see cref="TreeNode"/> form, in the documented key order, defaults left out.</summary>
internal static class DefinitionTreeBuilder
{
    public static TreeMap Build(AchievementDefinition d)
    {
        var root = new TreeMap()
            .Add("id", d.Id)
            .Add("name", d.Name)
            .Add("description", d.Description)
            .Add("image", d.Image)
            .Add("criteria", d.Criteria)
            .Add("achievementType", d.AchievementType)
            .Add("humanCode", d.HumanCode)
            .Add("fieldOfStudy", d.FieldOfStudy)
            .Add("level", d.Level)
            .Add("inLanguage", d.InLanguage)
            .Add("creditsAvailable", d.CreditsAvailable);
        if (d.Workload is { } w)
        {
            root.Add("workload", new TreeMap().Add("hours", w.Hours).Add("weeks", w.Weeks).Add("hoursPerWeekMin", w.HoursPerWeekMin).Add("hoursPerWeekMax", w.HoursPerWeekMax));
        }

        root.AddList("learningOutcomes", d.LearningOutcomes).Add("assessmentType", d.AssessmentType);
        if (d.Delivery is { } delivery)
        {
            root.Add("delivery", new TreeMap()
                .Add("mode", Key(AchievementDefinitionReader.DeliveryModes, delivery.Mode))
                .Add("schedule", delivery.Schedule is { } s ? Key(AchievementDefinitionReader.Schedules, s) : null)
                .Add("cost", delivery.Cost));
        }

        root.Add("qualityAssurance", References(d.QualityAssurance))
            .Add("endorsements", References(d.Endorsements))
            .AddList("prerequisites", d.Prerequisites);
        if (d.Alignments.Count > 0)
        {
            root.Add("alignments", new TreeList([.. d.Alignments.Select(a => (TreeNode)new TreeMap()
                .Add("targetName", a.TargetName)
                .Add("targetUrl", a.TargetUrl)
                .Add("targetFramework", a.TargetFramework)
                .Add("targetCode", a.TargetCode)
                .Add("targetDescription", a.TargetDescription)
                .Add("targetType", a.TargetType))]));
        }

        root.AddList("tags", d.Tags)
            .Add("validUntil", d.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (d.RequiresApproval)
        {
            root.Add("requiresApproval", new TreeBool(true));
        }

        return root.Add("rules", Rule(d.Rules));
    }

    private static TreeList? References(IReadOnlyList<Reference> references) =>
        references.Count == 0
            ? null
            : new TreeList([.. references.Select(r => (TreeNode)new TreeMap().Add("name", r.Name).Add("url", r.Url).Add("description", r.Description))]);

    private static TreeMap Rule(Rule rule)
    {
        var map = new TreeMap().Add("id", rule.Id).Add("label", rule.Label);
        switch (rule)
        {
            case AllRule r:
                map.Add(RuleKinds.All, Children(r.Rules));
                break;
            case AnyRule r:
                map.Add(RuleKinds.Any, Children(r.Rules));
                break;
            case AtLeastRule r:
                map.Add("atLeast", r.Count).Add("of", Children(r.Rules));
                break;
            case ItemScoreRule r:
                map.Add(RuleKinds.ItemScore, r.ItemId).Add("minPercent", r.Threshold.MinPercent).Add("minPoints", r.Threshold.MinPoints);
                break;
            case AverageScoreRule r:
                map.Add(RuleKinds.AverageScore, new TreeList([.. r.Items.Select(i => i.Weight == 1
                    ? (TreeNode)new TreeText(i.ItemId)
                    : new TreeMap().Add("item", i.ItemId).Add("weight", i.Weight))]))
                    .Add("minPercent", r.MinPercent);
                break;
            case CourseScoreRule r:
                map.Add(RuleKinds.CourseScore, Key(AchievementDefinitionReader.CourseScoreKinds, r.Score)).Add("minPercent", r.MinPercent);
                break;
            case OutcomeRule r:
                map.Add(RuleKinds.Outcome, r.OutcomeId).Add("minLevel", r.MinLevel).Add("minScore", r.MinScore);
                break;
            case OutcomesMasteredRule r:
                map.AddList(RuleKinds.OutcomesMastered, r.OutcomeIds);
                break;
            case RubricRule r:
                map.Add(RuleKinds.Rubric, r.ItemId).AddList("criteria", r.Criteria).Add("minLevel", r.MinLevel);
                if (r.Individual)
                {
                    map.Add("individual", new TreeBool(true));
                }

                break;
            case EvidenceRule r:
                map.Add(RuleKinds.Evidence, r.ItemId)
                    .Add("type", r.Type is { } type ? Key(AchievementDefinitionReader.ArtifactTypes, type) : null)
                    .AddList("urlHost", r.UrlHosts)
                    .AddList("extension", r.Extensions)
                    .AddList("contentType", r.ContentTypes)
                    .Add("minSize", r.MinSize)
                    .Add("prompt", r.Prompt);
                break;
            case AchievementsRule r:
                map.AddList(RuleKinds.Achievements, r.AchievementIds).Add("atLeast", r.Count);
                break;
            default:
                throw new InvalidOperationException($"Unknown rule type {rule.GetType().Name}.");
        }

        return map;
    }

    private static TreeList Children(IReadOnlyList<Rule> rules) => new([.. rules.Select(r => (TreeNode)Rule(r))]);

    private static string Key<T>(Dictionary<string, T> names, T value)
        where T : struct, Enum
    {
        foreach (var (name, candidate) in names)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        throw new InvalidOperationException($"No name for {value}.");
    }
}
