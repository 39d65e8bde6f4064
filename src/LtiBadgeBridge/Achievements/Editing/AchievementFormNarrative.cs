using System.Globalization;
using System.Text;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>
/// A criteria narrative written from a form's criteria, as Markdown (a sentence and a list) in the words an
/// employer reads: "Meet every one of these criteria in Cloud Computing: - Capstone workshop: at least 70 %".
/// </summary>
public static class AchievementFormNarrative
{
    public static string Summarise(string courseTitle, AchievementForm form, CourseCatalogue? catalogue)
    {
        ArgumentNullException.ThrowIfNull(courseTitle);
        ArgumentNullException.ThrowIfNull(form);
        var lines = form.Rules.Where(r => !r.Remove).Select(r => Describe(r, catalogue)).ToList();
        var prerequisites = form.Prerequisites.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        if (prerequisites.Count > 0)
        {
            lines.Add("Earn first: " + string.Join(", ", prerequisites.Select(Escape)));
        }

        if (lines.Count == 0)
        {
            return $"Meet every criterion the instructor set for {Escape(courseTitle)}, as listed on the credential.";
        }

        var combine = form.Combine ?? FormCombine.All;
        var intro = combine switch
        {
            FormCombine.Any when lines.Count > 1 => "Meet at least one of these criteria in",
            FormCombine.AtLeast when int.TryParse(form.AtLeastCount, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n < lines.Count =>
                string.Create(CultureInfo.InvariantCulture, $"Meet at least {n} of these criteria in"),
            _ when lines.Count == 1 => "Meet this criterion in",
            _ => "Meet every one of these criteria in",
        };
        var text = new StringBuilder().Append(intro).Append(' ').Append(Escape(courseTitle)).Append(":\n\n");
        foreach (var line in lines)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Describe(CriterionInput row, CourseCatalogue? catalogue)
    {
        var item = row.ItemId is { } itemId ? catalogue?.FindItem(itemId.Trim())?.Name ?? itemId.Trim() : null;
        var label = Escape(Text(row.Label) ?? item ?? row.Kind);
        var threshold = Text(row.Threshold);
        var percent = threshold is null ? null : threshold + " %";
        return row.Kind switch
        {
            RuleKinds.ItemScore => string.Equals(row.ThresholdUnit, "points", StringComparison.Ordinal)
                ? $"{label}: at least {threshold ?? "the required"} points"
                : $"{label}: at least {percent ?? "the required score"}",
            RuleKinds.AverageScore => $"{label}: an average of at least {percent ?? "the required score"}",
            RuleKinds.CourseScore => $"{label}: at least {percent ?? "the required grade"}",
            RuleKinds.Rubric => $"{label}: {Escape(Text(row.MinLevel) ?? "the required level")} or better on "
                + (row.RubricCriteria.Count == 0 ? "every rubric criterion" : row.RubricCriteria.Count == 1 ? "one rubric criterion" : string.Create(CultureInfo.InvariantCulture, $"{row.RubricCriteria.Count} rubric criteria"))
                + (row.Individual ? ", assessed individually" : string.Empty),
            RuleKinds.Evidence => $"{label}: submit " + (Text(row.EvidenceType) switch
            {
                "url" => "a link to the work",
                "file" => "the work as a file",
                "text" => "a written answer",
                _ => "the work",
            }) + " as evidence",
            RuleKinds.Outcome => $"{label}: {Escape(Text(row.MinLevel) ?? threshold ?? "mastery")} or better",
            RuleKinds.OutcomesMastered => $"{label}: master the course's outcomes",
            _ => label,
        };
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Backslash-escapes the characters Markdown would read as markup in a name from the LMS.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '!' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return builder.ToString();
    }
}
