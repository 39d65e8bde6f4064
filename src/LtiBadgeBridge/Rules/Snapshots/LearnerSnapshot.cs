namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>
/// Everything sync knows about one learner in one course: scores per item and attempt, the course score,
/// rubric assessments, outcome/competency results and submitted artifacts. Plain immutable input.
/// </summary>
public sealed record LearnerSnapshot
{
    /// <summary>The learner's opaque id (LTI <c>sub</c> or the tool's user id); never a name or email.</summary>
    public required string LearnerId { get; init; }

    public required string CourseId { get; init; }

    public IReadOnlyList<ItemScore> Scores { get; init; } = [];

    public CourseScore? CourseScore { get; init; }

    public IReadOnlyList<RubricAssessment> RubricAssessments { get; init; } = [];

    public IReadOnlyList<OutcomeResult> OutcomeResults { get; init; } = [];

    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];
}

/// <summary>
/// The course total as percentages. Canvas: <c>final_score</c> (ungraded counts as 0) and
/// <c>current_score</c> (graded work only). Moodle: the course grade item's <c>graderaw</c> over its maximum.
/// </summary>
public sealed record CourseScore
{
    public double? FinalPercent { get; init; }

    public double? CurrentPercent { get; init; }
}
