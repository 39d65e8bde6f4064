using System.Text;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>A new achievement's form, filled with sensible defaults from the course and what sync found.</summary>
public static class AchievementFormDefaults
{
    /// <summary>The default workload shown in a new form (hours; the pilot's nine weeks at up to five hours a week), for the instructor to adjust.</summary>
    public const string DefaultWorkloadHours = "45";

    /// <summary>
    /// A new achievement's form: named after the course, described (naming the issuer when known), with a
    /// criteria narrative that lists its criteria (<see cref="AchievementFormNarrative"/>), the course's outcomes,
    /// an estimated workload, virtual non-concurrent delivery and a built-in image: everything a MicroCredential
    /// needs, so picking items and saving succeeds.
    /// </summary>
    public static AchievementForm ForCourse(string? courseTitle, CourseCatalogue? catalogue, IReadOnlyCollection<string> existingSlugs, string? issuerName = null)
    {
        ArgumentNullException.ThrowIfNull(existingSlugs);
        var title = Title(courseTitle);
        var outcomes = catalogue?.Outcomes.Select(o => o.Name).OfType<string>().Where(n => n.Length > 0).Take(8).ToList() ?? [];
        var issuer = string.IsNullOrWhiteSpace(issuerName) ? null : issuerName.Trim();
        var form = new AchievementForm
        {
            Slug = UniqueSlug(title, existingSlugs),
            Name = title,
            Description = issuer is null
                ? $"The holder completed {title} and met its pass thresholds and mastery requirements."
                : $"The holder completed {title} at {issuer} and met its pass thresholds and mastery requirements.",
            AchievementType = AchievementTypes.MicroCredential,
            InLanguage = "en",
            LearningOutcomes = outcomes.Count > 0 ? string.Join('\n', outcomes) : $"Apply the knowledge and skills taught in {title}.",
            WorkloadHours = DefaultWorkloadHours,
            AssessmentType = "Graded course work assessed in the LMS",
            DeliveryMode = "virtual",
            DeliverySchedule = "non-concurrent",
            DeliveryCost = "free",
            Image = BadgeImages.BuiltInDataUri(BadgeImages.BuiltIn[0].Key),
            Alignments = [new AlignmentInput { TargetType = "ceasn:Competency" }],
            Rules = [new CriterionInput { Kind = RuleKinds.CourseScore, CourseScore = "final", Threshold = "70", Label = "Course grade" }],
        };
        form.CriteriaNarrative = form.GeneratedCriteriaNarrative = AchievementFormNarrative.Summarise(title, form, catalogue);
        return form;
    }

    /// <summary>
    /// Fills what a new achievement's posted form left blank and the definition requires — id, name, description,
    /// criteria narrative, type, and for a MicroCredential its outcomes, workload, assessment and delivery — from
    /// <paramref name="defaults"/>, and rewrites the criteria narrative from the picked criteria while it is still the
    /// generated one. Fields the instructor filled in are kept.
    /// </summary>
    public static void FillBlanks(AchievementForm form, AchievementForm defaults, string? courseTitle, CourseCatalogue? catalogue)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(defaults);
        form.Slug = Blank(form.Slug) ? defaults.Slug : form.Slug;
        form.Name = Blank(form.Name) ? defaults.Name : form.Name;
        form.Description = Blank(form.Description) ? defaults.Description : form.Description;
        form.AchievementType = Blank(form.AchievementType) ? defaults.AchievementType : form.AchievementType;
        if (string.Equals(form.AchievementType?.Trim(), AchievementTypes.MicroCredential, StringComparison.Ordinal))
        {
            form.LearningOutcomes = Blank(form.LearningOutcomes) ? defaults.LearningOutcomes : form.LearningOutcomes;
            form.AssessmentType = Blank(form.AssessmentType) ? defaults.AssessmentType : form.AssessmentType;
            if (Blank(form.WorkloadHours) && Blank(form.WorkloadWeeks) && Blank(form.HoursPerWeekMin) && Blank(form.HoursPerWeekMax))
            {
                form.WorkloadHours = defaults.WorkloadHours;
            }

            if (Blank(form.DeliveryMode) && Blank(form.DeliverySchedule) && Blank(form.DeliveryCost))
            {
                (form.DeliveryMode, form.DeliverySchedule, form.DeliveryCost) = (defaults.DeliveryMode, defaults.DeliverySchedule, defaults.DeliveryCost);
            }
        }

        RefreshNarrative(form, courseTitle, catalogue);
    }

    /// <summary>Rewrites the criteria narrative from the form's criteria when it is blank or still the generated text.</summary>
    public static void RefreshNarrative(AchievementForm form, string? courseTitle, CourseCatalogue? catalogue)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (Blank(form.CriteriaNarrative) || (form.GeneratedCriteriaNarrative is { } generated && string.Equals(Normalise(form.CriteriaNarrative), Normalise(generated), StringComparison.Ordinal)))
        {
            form.CriteriaNarrative = form.GeneratedCriteriaNarrative = AchievementFormNarrative.Summarise(Title(courseTitle), form, catalogue);
        }
    }

    private static string Title(string? courseTitle) => string.IsNullOrWhiteSpace(courseTitle) ? "This course" : courseTitle.Trim();

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string Normalise(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>A lowercase id from a title ("Cloud Computing 101" → <c>cloud-computing-101</c>), made unique.</summary>
    public static string UniqueSlug(string title, IReadOnlyCollection<string> existingSlugs)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(existingSlugs);
        var builder = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length == 0)
        {
            slug = "achievement";
        }

        slug = slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
        var candidate = slug;
        for (var n = 2; existingSlugs.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
