using System.Text;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>A new achievement's form, filled with sensible defaults from the course and what sync found.</summary>
public static class AchievementFormDefaults
{
    public static AchievementForm ForCourse(string? courseTitle, CourseCatalogue? catalogue, IReadOnlyCollection<string> existingSlugs)
    {
        ArgumentNullException.ThrowIfNull(existingSlugs);
        var title = string.IsNullOrWhiteSpace(courseTitle) ? "This course" : courseTitle.Trim();
        var outcomes = catalogue?.Outcomes.Select(o => o.Name).OfType<string>().Where(n => n.Length > 0).Take(8).ToList() ?? [];
        var form = new AchievementForm
        {
            Slug = UniqueSlug(title, existingSlugs),
            Name = title,
            Description = $"The holder completed {title} and met its pass thresholds and mastery requirements.",
            CriteriaNarrative = $"Meet every criterion the instructor set for {title}, as listed on the credential.",
            AchievementType = AchievementTypes.MicroCredential,
            InLanguage = "en",
            LearningOutcomes = outcomes.Count > 0 ? string.Join('\n', outcomes) : $"Apply the knowledge and skills taught in {title}.",
            AssessmentType = "Graded course work assessed in the LMS",
            DeliveryMode = "virtual",
            DeliverySchedule = "non-concurrent",
            DeliveryCost = "free",
            Image = BadgeImages.BuiltInDataUri(BadgeImages.BuiltIn[0].Key),
            Alignments = [new AlignmentInput { TargetType = "ceasn:Competency" }],
            Rules = [new CriterionInput { Kind = RuleKinds.CourseScore, CourseScore = "final", Threshold = "70", Label = "Course grade" }],
        };
        return form;
    }

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
