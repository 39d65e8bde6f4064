using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>Reading a definition back into a form.</summary>
public static partial class AchievementFormMapper
{
    public static FormReadResult FromDefinition(AchievementDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var form = new AchievementForm
        {
            Slug = definition.Id,
            Name = definition.Name,
            Description = definition.Description,
            CriteriaNarrative = definition.Criteria,
            AchievementType = definition.AchievementType,
            Image = definition.Image,
            HumanCode = definition.HumanCode,
            FieldOfStudy = definition.FieldOfStudy,
            Level = definition.Level,
            InLanguage = definition.InLanguage,
            CreditsAvailable = definition.CreditsAvailable is { } credits ? FormatNumber(credits) : null,
            WorkloadHours = definition.Workload is { } w ? FormatNumber(w.Hours) : null,
            WorkloadWeeks = definition.Workload?.Weeks?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            HoursPerWeekMin = definition.Workload?.HoursPerWeekMin is { } min ? FormatNumber(min) : null,
            HoursPerWeekMax = definition.Workload?.HoursPerWeekMax is { } max ? FormatNumber(max) : null,
            LearningOutcomes = string.Join('\n', definition.LearningOutcomes),
            AssessmentType = definition.AssessmentType,
            DeliveryMode = definition.Delivery is { } d ? KeyOf(AchievementDefinitionReader.DeliveryModes, d.Mode) : null,
            DeliverySchedule = definition.Delivery?.Schedule is { } s ? KeyOf(AchievementDefinitionReader.Schedules, s) : null,
            DeliveryCost = definition.Delivery?.Cost,
            Tags = JoinList(definition.Tags),
            PrerequisiteNotes = string.Join('\n', definition.Prerequisites),
            ValidUntil = definition.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            RequiresApproval = definition.RequiresApproval,
            Alignments = [.. definition.Alignments.Select(a => new AlignmentInput
            {
                TargetName = a.TargetName,
                TargetUrl = a.TargetUrl,
                TargetFramework = a.TargetFramework,
                TargetCode = a.TargetCode,
                TargetType = a.TargetType,
            })],
        };
        var editable = ReadRules(definition.Rules, form);
        if (!editable)
        {
            form.Rules.Clear();
            form.Prerequisites.Clear();
            form.Combine = FormCombine.All;
            form.AtLeastCount = null;
        }

        return new FormReadResult { Form = form, RulesEditable = editable };
    }

    private static bool ReadRules(Rule root, AchievementForm form)
    {
        switch (root)
        {
            case AllRule all when all.Rules.Count == 2 && all.Rules[0] is AnyRule or AtLeastRule && all.Rules[1] is AchievementsRule { Count: null } stacking && IsPlainStacking(stacking):
                form.Prerequisites = [.. stacking.AchievementIds];
                return ReadRules(all.Rules[0], form);
            case AllRule all:
                form.Combine = FormCombine.All;
                foreach (var rule in all.Rules)
                {
                    if (rule is AchievementsRule { Count: null } stacking && IsPlainStacking(stacking) && form.Prerequisites.Count == 0)
                    {
                        form.Prerequisites = [.. stacking.AchievementIds];
                    }
                    else if (!AddLeaf(rule, form))
                    {
                        return false;
                    }
                }

                return true;
            case AnyRule any:
                form.Combine = FormCombine.Any;
                return any.Rules.All(r => AddLeaf(r, form));
            case AtLeastRule atLeast:
                form.Combine = FormCombine.AtLeast;
                form.AtLeastCount = atLeast.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return atLeast.Rules.All(r => AddLeaf(r, form));
            case AchievementsRule { Count: null } stacking when IsPlainStacking(stacking):
                form.Combine = FormCombine.All;
                form.Prerequisites = [.. stacking.AchievementIds];
                return true;
            default:
                form.Combine = FormCombine.All;
                return AddLeaf(root, form);
        }
    }

    // The form writes its stacking rule with this label and no id; others are criteria the form cannot show.
    private static bool IsPlainStacking(AchievementsRule rule) => rule.Id is null && rule.Label is null or "Prerequisite achievements";

    private static bool AddLeaf(Rule rule, AchievementForm form)
    {
        var row = new CriterionInput { Kind = rule.Kind, Id = rule.Id, Label = rule.Label };
        switch (rule)
        {
            case ItemScoreRule r:
                row.ItemId = r.ItemId;
                row.ThresholdUnit = r.Threshold.MinPoints is null ? "percent" : "points";
                row.Threshold = FormatNumber(r.Threshold.MinPoints ?? r.Threshold.MinPercent ?? double.NaN);
                break;
            case AverageScoreRule r when r.Items.All(i => i.Weight == 1):
                row.ItemIds = [.. r.Items.Select(i => i.ItemId)];
                row.Threshold = FormatNumber(r.MinPercent);
                break;
            case CourseScoreRule r:
                row.CourseScore = KeyOf(AchievementDefinitionReader.CourseScoreKinds, r.Score);
                row.Threshold = FormatNumber(r.MinPercent);
                break;
            case OutcomeRule r:
                row.OutcomeId = r.OutcomeId;
                row.MinLevel = r.MinLevel;
                row.Threshold = r.MinScore is { } score ? FormatNumber(score) : null;
                break;
            case OutcomesMasteredRule r:
                row.OutcomeIds = [.. r.OutcomeIds];
                break;
            case RubricRule r:
                row.ItemId = r.ItemId;
                row.RubricCriteria = [.. r.Criteria];
                row.MinLevel = r.MinLevel;
                row.Individual = r.Individual;
                break;
            case EvidenceRule r:
                row.ItemId = r.ItemId;
                row.EvidenceType = r.Type is { } type ? KeyOf(AchievementDefinitionReader.ArtifactTypes, type) : null;
                row.UrlHosts = JoinList(r.UrlHosts);
                row.Extensions = JoinList(r.Extensions);
                row.ContentTypes = JoinList(r.ContentTypes);
                row.MinSize = r.MinSize?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                row.Prompt = r.Prompt;
                break;
            default:
                return false;
        }

        form.Rules.Add(row);
        return true;
    }

    private static string KeyOf<T>(Dictionary<string, T> map, T value)
        where T : struct, Enum =>
        map.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key;
}
