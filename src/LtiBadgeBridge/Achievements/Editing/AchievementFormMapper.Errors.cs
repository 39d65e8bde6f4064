using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>Placing the validator's and the store's errors next to the form fields they concern.</summary>
public static partial class AchievementFormMapper
{
    private static readonly Dictionary<string, string> MetadataFields = new(StringComparer.Ordinal)
    {
        ["id"] = nameof(AchievementForm.Slug),
        ["name"] = nameof(AchievementForm.Name),
        ["description"] = nameof(AchievementForm.Description),
        ["criteria"] = nameof(AchievementForm.CriteriaNarrative),
        ["achievementType"] = nameof(AchievementForm.AchievementType),
        ["image"] = nameof(AchievementForm.Image),
        ["humanCode"] = nameof(AchievementForm.HumanCode),
        ["fieldOfStudy"] = nameof(AchievementForm.FieldOfStudy),
        ["level"] = nameof(AchievementForm.Level),
        ["inLanguage"] = nameof(AchievementForm.InLanguage),
        ["creditsAvailable"] = nameof(AchievementForm.CreditsAvailable),
        ["workload"] = nameof(AchievementForm.WorkloadHours),
        ["workload.hours"] = nameof(AchievementForm.WorkloadHours),
        ["workload.weeks"] = nameof(AchievementForm.WorkloadWeeks),
        ["workload.hoursPerWeekMin"] = nameof(AchievementForm.HoursPerWeekMin),
        ["workload.hoursPerWeekMax"] = nameof(AchievementForm.HoursPerWeekMax),
        ["learningOutcomes"] = nameof(AchievementForm.LearningOutcomes),
        ["assessmentType"] = nameof(AchievementForm.AssessmentType),
        ["delivery"] = nameof(AchievementForm.DeliveryMode),
        ["delivery.mode"] = nameof(AchievementForm.DeliveryMode),
        ["delivery.schedule"] = nameof(AchievementForm.DeliverySchedule),
        ["delivery.cost"] = nameof(AchievementForm.DeliveryCost),
        ["prerequisites"] = nameof(AchievementForm.PrerequisiteNotes),
        ["tags"] = nameof(AchievementForm.Tags),
        ["validUntil"] = nameof(AchievementForm.ValidUntil),
        ["requiresApproval"] = nameof(AchievementForm.RequiresApproval),
        ["alignments"] = nameof(AchievementForm.Alignments),
    };

    private static readonly Dictionary<string, string> RuleFields = new(StringComparer.Ordinal)
    {
        ["id"] = nameof(CriterionInput.Id),
        ["label"] = nameof(CriterionInput.Label),
        [RuleKinds.ItemScore] = nameof(CriterionInput.ItemId),
        [RuleKinds.Rubric] = nameof(CriterionInput.ItemId),
        [RuleKinds.Evidence] = nameof(CriterionInput.ItemId),
        [RuleKinds.AverageScore] = nameof(CriterionInput.ItemIds),
        [RuleKinds.CourseScore] = nameof(CriterionInput.CourseScore),
        [RuleKinds.Outcome] = nameof(CriterionInput.OutcomeId),
        [RuleKinds.OutcomesMastered] = nameof(CriterionInput.OutcomeIds),
        ["minPercent"] = nameof(CriterionInput.Threshold),
        ["minPoints"] = nameof(CriterionInput.Threshold),
        ["minScore"] = nameof(CriterionInput.Threshold),
        ["minLevel"] = nameof(CriterionInput.MinLevel),
        ["criteria"] = nameof(CriterionInput.RubricCriteria),
        ["individual"] = nameof(CriterionInput.Individual),
        ["type"] = nameof(CriterionInput.EvidenceType),
        ["urlHost"] = nameof(CriterionInput.UrlHosts),
        ["extension"] = nameof(CriterionInput.Extensions),
        ["contentType"] = nameof(CriterionInput.ContentTypes),
        ["minSize"] = nameof(CriterionInput.MinSize),
        ["prompt"] = nameof(CriterionInput.Prompt),
    };

    /// <summary>The definition errors (and warnings) of a compiled form as field messages.</summary>
    public static IReadOnlyList<FormFieldError> MapErrors(IReadOnlyList<DefinitionError> errors, FormCompileResult compiled)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(compiled);
        return [.. errors.Select(e => new FormFieldError
        {
            Field = FieldFor(e.Path, compiled.RulePaths),
            Code = e.Code,
            Message = e.Hint is null ? e.Message : $"{e.Message}; {e.Hint}",
            IsWarning = e.Severity == DefinitionSeverity.Warning,
        })];
    }

    /// <summary>The form field (relative name) a definition path belongs to; empty when it belongs to no one field.</summary>
    public static string FieldFor(string? path, IReadOnlyList<KeyValuePair<string, string>> rulePaths)
    {
        ArgumentNullException.ThrowIfNull(rulePaths);
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        if (path.StartsWith(RulePaths.Root, StringComparison.Ordinal))
        {
            // The longest rule path that is a prefix of the error's path.
            var best = rulePaths.Where(p => path == p.Key || path.StartsWith(p.Key + ".", StringComparison.Ordinal) || path.StartsWith(p.Key + "[", StringComparison.Ordinal))
                .OrderByDescending(p => p.Key.Length).FirstOrDefault();
            if (best.Key is null)
            {
                return string.Empty;
            }

            if (best.Value is PrerequisitesField or AtLeastField || path.Length == best.Key.Length)
            {
                return best.Value;
            }

            var rest = path[(best.Key.Length + 1)..];
            var key = rest.Split('.', '[')[0];
            return RuleFields.TryGetValue(key, out var field) ? best.Value + "." + field : best.Value;
        }

        var alignment = System.Text.RegularExpressions.Regex.Match(path, @"^alignments\[(\d+)\]\.(target\w+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (alignment.Success)
        {
            var name = alignment.Groups[2].Value;
            return $"Alignments[{alignment.Groups[1].Value}].{char.ToUpperInvariant(name[0])}{name[1..]}";
        }

        var head = path.Split('[')[0];
        if (MetadataFields.TryGetValue(head, out var direct))
        {
            return direct;
        }

        var top = head.Split('.')[0];
        return MetadataFields.TryGetValue(top, out var metadata) ? metadata : string.Empty;
    }
}
