namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>An entry of <c>core_competency_list_course_competencies</c>.</summary>
public sealed record MoodleCourseCompetency
{
    public required MoodleCompetency Competency { get; init; }

    public MoodleCourseCompetencyLink? CourseCompetency { get; init; }
}

/// <summary>A competency of a framework.</summary>
public sealed record MoodleCompetency
{
    public required long Id { get; init; }

    public string? ShortName { get; init; }

    public string? IdNumber { get; init; }

    public string? Description { get; init; }

    public long? CompetencyFrameworkId { get; init; }
}

/// <summary>The link between a course and a competency.</summary>
public sealed record MoodleCourseCompetencyLink
{
    public long? Id { get; init; }

    public long? CourseId { get; init; }

    public long? CompetencyId { get; init; }

    public int? RuleOutcome { get; init; }
}

/// <summary><c>report_competency_data_for_report</c>: one learner's competency ratings in a course.</summary>
public sealed record MoodleCompetencyReport
{
    public long CourseId { get; init; }

    public IReadOnlyList<MoodleUserCompetencyEntry> UserCompetencies { get; init; } = [];
}

/// <summary>One competency and the learner's rating in the course.</summary>
public sealed record MoodleUserCompetencyEntry
{
    public required MoodleUserCompetencyCourse UserCompetencyCourse { get; init; }

    public MoodleCompetencySummary? Competency { get; init; }
}

/// <summary>A learner's rating of a competency in a course; <see cref="Grade"/> is a scale value (null = not rated).</summary>
public sealed record MoodleUserCompetencyCourse
{
    public long? Id { get; init; }

    public required long UserId { get; init; }

    public long CourseId { get; init; }

    public required long CompetencyId { get; init; }

    public bool? Proficiency { get; init; }

    public int? Grade { get; init; }

    public string? GradeName { get; init; }

    public string? ProficiencyName { get; init; }
}

/// <summary>The competency summary exported with a rating.</summary>
public sealed record MoodleCompetencySummary
{
    public MoodleCompetency? Competency { get; init; }
}
