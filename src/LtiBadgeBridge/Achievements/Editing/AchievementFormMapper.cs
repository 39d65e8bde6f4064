using System.Globalization;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>
/// Compiles an <see cref="AchievementForm"/> to an <see cref="AchievementDefinition"/> (the one definition
/// model; saved as YAML through <see cref="AchievementStore.SaveAsync"/>) and reads a definition back into
/// a form. The form's criteria are leaves combined by <c>all</c>, <c>any</c> or <c>atLeast</c>, with
/// stacking prerequisites as an <c>achievements</c> rule beside them; definitions shaped otherwise are
/// edited as YAML (<see cref="FormReadResult.RulesEditable"/> is false).
/// </summary>
public static partial class AchievementFormMapper
{
    public const string PrerequisitesField = "Prerequisites";
    public const string AtLeastField = "AtLeastCount";

    /// <summary>
    /// The definition the form describes. Metadata the form does not show (quality assurance, endorsements,
    /// alignment descriptions) is kept from <paramref name="original"/> when given. Rows marked
    /// <see cref="CriterionInput.Remove"/> are left out: call <see cref="DropRemovedRows"/> first so field
    /// names keep matching the rows shown.
    /// </summary>
    public static FormCompileResult ToDefinition(AchievementForm form, AchievementDefinition? original = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FormFieldError>();
        var leaves = new List<Rule>();
        var rows = new List<int>();
        for (var i = 0; i < form.Rules.Count; i++)
        {
            if (form.Rules[i].Remove)
            {
                continue;
            }

            if (ToRule(form.Rules[i], string.Create(CultureInfo.InvariantCulture, $"Rules[{i}]"), errors) is { } rule)
            {
                leaves.Add(rule);
                rows.Add(i);
            }
        }

        var prerequisites = form.Prerequisites.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var stacking = prerequisites.Count == 0 ? null : new AchievementsRule { AchievementIds = prerequisites, Label = "Prerequisite achievements" };
        var (root, paths) = Combine(form, leaves, rows, stacking, errors);

        var workload = ReadWorkload(form, errors);
        var delivery = ReadDelivery(form, errors);
        var credits = Number(form.CreditsAvailable, nameof(AchievementForm.CreditsAvailable), errors);
        DateOnly? validUntil = null;
        if (!string.IsNullOrWhiteSpace(form.ValidUntil))
        {
            if (DateOnly.TryParseExact(form.ValidUntil.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                validUntil = date;
            }
            else
            {
                errors.Add(Field(nameof(AchievementForm.ValidUntil), "invalid_value", $"'{form.ValidUntil}' is not a date; write it as YYYY-MM-DD"));
            }
        }

        if (errors.Count > 0)
        {
            return new FormCompileResult { Errors = errors, RulePaths = paths };
        }

        var definition = (original ?? Blank()) with
        {
            Id = Text(form.Slug) ?? string.Empty,
            Name = Text(form.Name) ?? string.Empty,
            Description = Text(form.Description) ?? string.Empty,
            Criteria = Text(form.CriteriaNarrative) ?? string.Empty,
            AchievementType = Text(form.AchievementType) ?? string.Empty,
            Image = Text(form.Image),
            HumanCode = Text(form.HumanCode),
            FieldOfStudy = Text(form.FieldOfStudy),
            Level = Text(form.Level),
            InLanguage = Text(form.InLanguage),
            CreditsAvailable = credits,
            Workload = workload,
            LearningOutcomes = Lines(form.LearningOutcomes),
            AssessmentType = Text(form.AssessmentType),
            Delivery = delivery,
            Prerequisites = Lines(form.PrerequisiteNotes),
            Alignments = ReadAlignments(form, original),
            Tags = List(form.Tags),
            ValidUntil = validUntil,
            RequiresApproval = form.RequiresApproval,
            Rules = root,
        };
        return new FormCompileResult { Definition = definition, RulePaths = paths };
    }

    /// <summary>Drops the rows marked for removal, so the form's row indices match the compiled rules.</summary>
    public static void DropRemovedRows(AchievementForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Rules.RemoveAll(r => r.Remove);
        form.Alignments.RemoveAll(a => a.IsEmpty);
    }

    private static AchievementDefinition Blank() => new()
    {
        Id = string.Empty,
        Name = string.Empty,
        Description = string.Empty,
        Criteria = string.Empty,
        AchievementType = string.Empty,
        Rules = new AllRule { Rules = [] },
    };

    private static (Rule Root, List<KeyValuePair<string, string>> Paths) Combine(
        AchievementForm form, List<Rule> leaves, List<int> rows, AchievementsRule? stacking, List<FormFieldError> errors)
    {
        var paths = new List<KeyValuePair<string, string>>();
        var combine = form.Combine ?? FormCombine.All;
        if (string.Equals(combine, FormCombine.All, StringComparison.Ordinal) || leaves.Count == 0)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                paths.Add(Path($"rules.all[{i}]", $"Rules[{rows[i]}]"));
            }

            if (stacking is not null)
            {
                paths.Add(Path($"rules.all[{leaves.Count}]", PrerequisitesField));
            }

            return (new AllRule { Rules = stacking is null ? leaves : [.. leaves, stacking] }, paths);
        }

        var prefix = stacking is null ? "rules" : "rules.all[0]";
        Rule inner;
        string list;
        if (string.Equals(combine, FormCombine.AtLeast, StringComparison.Ordinal))
        {
            var count = 0;
            if (!int.TryParse(form.AtLeastCount?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out count))
            {
                errors.Add(Field(AtLeastField, "invalid_value", "say how many criteria must be met, e.g. 2"));
            }

            inner = new AtLeastRule { Count = count, Rules = leaves };
            list = prefix + ".of";
            paths.Add(Path(prefix + ".atLeast", AtLeastField));
        }
        else if (string.Equals(combine, FormCombine.Any, StringComparison.Ordinal))
        {
            inner = new AnyRule { Rules = leaves };
            list = prefix + ".any";
        }
        else
        {
            errors.Add(Field(nameof(AchievementForm.Combine), "invalid_value", $"'{combine}' is not a way to combine criteria; choose all, any or at least"));
            return (new AllRule { Rules = leaves }, paths);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            paths.Add(Path(string.Create(CultureInfo.InvariantCulture, $"{list}[{i}]"), $"Rules[{rows[i]}]"));
        }

        if (stacking is null)
        {
            return (inner, paths);
        }

        paths.Add(Path("rules.all[1]", PrerequisitesField));
        return (new AllRule { Rules = [inner, stacking] }, paths);
    }

    private static Rule? ToRule(CriterionInput row, string field, List<FormFieldError> errors)
    {
        var before = errors.Count;
        var id = Text(row.Id);
        var label = Text(row.Label);
        Rule? rule = row.Kind switch
        {
            RuleKinds.ItemScore => new ItemScoreRule
            {
                ItemId = Required(row.ItemId, field + ".ItemId", "choose an item", errors),
                Threshold = string.Equals(row.ThresholdUnit, "points", StringComparison.Ordinal)
                    ? Threshold.Points(RequiredNumber(row.Threshold, field + ".Threshold", errors))
                    : Threshold.Percent(RequiredNumber(row.Threshold, field + ".Threshold", errors, percent: true)),
            },
            RuleKinds.AverageScore => new AverageScoreRule
            {
                Items = [.. Picked(row.ItemIds, field + ".ItemIds", "choose at least one item", errors).Select(i => new WeightedItem { ItemId = i })],
                MinPercent = RequiredNumber(row.Threshold, field + ".Threshold", errors, percent: true),
            },
            RuleKinds.CourseScore => new CourseScoreRule
            {
                Score = string.Equals(row.CourseScore, "current", StringComparison.Ordinal) ? CourseScoreKind.Current : CourseScoreKind.Final,
                MinPercent = RequiredNumber(row.Threshold, field + ".Threshold", errors, percent: true),
            },
            RuleKinds.Outcome => OutcomeRule(row, field, errors),
            RuleKinds.OutcomesMastered => new OutcomesMasteredRule { OutcomeIds = Picked(row.OutcomeIds, field + ".OutcomeIds", "choose at least one outcome", errors) },
            RuleKinds.Rubric => new RubricRule
            {
                ItemId = Required(row.ItemId, field + ".ItemId", "choose an item assessed with a rubric", errors),
                Criteria = [.. row.RubricCriteria.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal)],
                MinLevel = Required(row.MinLevel, field + ".MinLevel", "choose the lowest level that passes", errors),
                Individual = row.Individual,
            },
            RuleKinds.Evidence => EvidenceRule(row, field, errors),
            _ => null,
        };
        if (rule is null)
        {
            errors.Add(Field(field + ".Kind", "rule_kind_unknown", $"'{row.Kind}' is not a kind of criterion"));
            return null;
        }

        return errors.Count > before ? null : rule with { Id = id, Label = label };
    }

    private static OutcomeRule OutcomeRule(CriterionInput row, string field, List<FormFieldError> errors)
    {
        var level = Text(row.MinLevel);
        var score = level is null ? Number(row.Threshold, field + ".Threshold", errors) : null;
        if (level is null && score is null && !errors.Any(e => e.Field == field + ".Threshold"))
        {
            errors.Add(Field(field + ".MinLevel", "missing_required", "choose a level, or give a minimum score"));
        }

        return new OutcomeRule { OutcomeId = Required(row.OutcomeId, field + ".OutcomeId", "choose an outcome", errors), MinLevel = level, MinScore = score };
    }

    private static EvidenceRule EvidenceRule(CriterionInput row, string field, List<FormFieldError> errors)
    {
        ArtifactType? type = null;
        if (Text(row.EvidenceType) is { } typeName)
        {
            if (AchievementDefinitionReader.ArtifactTypes.TryGetValue(typeName, out var parsed))
            {
                type = parsed;
            }
            else
            {
                errors.Add(Field(field + ".EvidenceType", "invalid_value", $"'{typeName}' is not a kind of evidence; choose file, url or text"));
            }
        }

        var minSize = Number(row.MinSize, field + ".MinSize", errors);
        return new EvidenceRule
        {
            ItemId = Required(row.ItemId, field + ".ItemId", "choose the item the evidence is submitted to", errors),
            Type = type,
            UrlHosts = List(row.UrlHosts),
            Extensions = List(row.Extensions),
            ContentTypes = List(row.ContentTypes),
            MinSize = minSize is { } size ? (long)Math.Round(size) : null,
            Prompt = Text(row.Prompt),
        };
    }

    private static Workload? ReadWorkload(AchievementForm form, List<FormFieldError> errors)
    {
        var hours = Number(form.WorkloadHours, nameof(AchievementForm.WorkloadHours), errors);
        var weeks = Number(form.WorkloadWeeks, nameof(AchievementForm.WorkloadWeeks), errors);
        var min = Number(form.HoursPerWeekMin, nameof(AchievementForm.HoursPerWeekMin), errors);
        var max = Number(form.HoursPerWeekMax, nameof(AchievementForm.HoursPerWeekMax), errors);
        if (hours is null)
        {
            if (weeks is not null || min is not null || max is not null)
            {
                errors.Add(Field(nameof(AchievementForm.WorkloadHours), "missing_required", "give the total hours too"));
            }

            return null;
        }

        return new Workload { Hours = hours.Value, Weeks = weeks is { } w ? (int)Math.Round(w) : null, HoursPerWeekMin = min, HoursPerWeekMax = max };
    }

    private static Delivery? ReadDelivery(AchievementForm form, List<FormFieldError> errors)
    {
        if (Text(form.DeliveryMode) is not { } modeName)
        {
            return null;
        }

        if (!AchievementDefinitionReader.DeliveryModes.TryGetValue(modeName, out var mode))
        {
            errors.Add(Field(nameof(AchievementForm.DeliveryMode), "invalid_value", $"'{modeName}' is not a delivery mode; choose virtual, in-person or hybrid"));
            return null;
        }

        DeliverySchedule? schedule = null;
        if (Text(form.DeliverySchedule) is { } scheduleName)
        {
            if (AchievementDefinitionReader.Schedules.TryGetValue(scheduleName, out var parsed))
            {
                schedule = parsed;
            }
            else
            {
                errors.Add(Field(nameof(AchievementForm.DeliverySchedule), "invalid_value", $"'{scheduleName}' is not a schedule; choose non-concurrent or concurrent"));
            }
        }

        return new Delivery { Mode = mode, Schedule = schedule, Cost = Text(form.DeliveryCost) };
    }

    private static List<Alignment> ReadAlignments(AchievementForm form, AchievementDefinition? original)
    {
        var result = new List<Alignment>();
        foreach (var input in form.Alignments.Where(a => !a.IsEmpty))
        {
            var name = Text(input.TargetName) ?? string.Empty;
            var url = Text(input.TargetUrl) ?? string.Empty;
            var kept = original?.Alignments.FirstOrDefault(a => string.Equals(a.TargetUrl, url, StringComparison.Ordinal));
            result.Add(new Alignment
            {
                TargetName = name,
                TargetUrl = url,
                TargetFramework = Text(input.TargetFramework),
                TargetCode = Text(input.TargetCode),
                TargetType = Text(input.TargetType),
                TargetDescription = kept?.TargetDescription,
            });
        }

        return result;
    }
}
