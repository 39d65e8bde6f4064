namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>
/// What sync found in a course: its gradable items, rubrics and outcomes/competencies. Definitions are
/// validated against it (unknown ids, impossible thresholds) and compiled with it (rubric level order,
/// proficiency scales). A plain immutable input: the rules engine never reads storage or the LMS.
/// </summary>
public sealed record CourseCatalogue
{
    /// <summary>The course's stable LMS id (Canvas course id, Moodle course id).</summary>
    public required string CourseId { get; init; }

    public IReadOnlyList<CourseItem> Items { get; init; } = [];

    public IReadOnlyList<Rubric> Rubrics { get; init; } = [];

    /// <summary>Canvas outcomes or Moodle competencies aligned with the course.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>A catalogue with nothing in it, for definitions that reference no course data.</summary>
    public static CourseCatalogue Empty(string courseId) => new() { CourseId = courseId };

    public CourseItem? FindItem(string itemId)
    {
        foreach (var item in Items)
        {
            if (string.Equals(item.Id, itemId, StringComparison.Ordinal))
            {
                return item;
            }
        }

        return null;
    }

    public Rubric? FindRubric(string rubricId)
    {
        foreach (var rubric in Rubrics)
        {
            if (string.Equals(rubric.Id, rubricId, StringComparison.Ordinal))
            {
                return rubric;
            }
        }

        return null;
    }

    public Outcome? FindOutcome(string outcomeId)
    {
        foreach (var outcome in Outcomes)
        {
            if (string.Equals(outcome.Id, outcomeId, StringComparison.Ordinal))
            {
                return outcome;
            }
        }

        return null;
    }
}
