using System.Globalization;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>
/// The deterministic Moodle course <see cref="EmulatedMoodle"/> serves: learners 3001.. (the first never
/// submits anything), assignments 6001.. with course modules 8001.., rubric definitions 9501..,
/// competencies 401 and 402.
/// </summary>
public sealed class MoodleCourseFixture
{
    public static readonly DateTimeOffset CourseStart = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);

    public MoodleCourseFixture(long courseId, int learners, int assignments)
    {
        CourseId = courseId;
        LearnerCount = learners;
        AssignmentCount = assignments;
    }

    public long CourseId { get; }

    public int LearnerCount { get; }

    public int AssignmentCount { get; }

    public const long ServiceUserId = 2;

    public const int CriteriaPerRubric = 2;

    public static readonly long[] CompetencyIds = [401, 402];

    public long LearnerId(int index) => 3001 + index;

    public long AssignmentId(int index) => 6001 + index;

    public long Cmid(int index) => 8001 + index;

    public long ContextId(int index) => 8501 + index;

    public long DefinitionId(int index) => 9501 + index;

    public int LearnerIndex(long userId) => (int)(userId - 3001);

    public int AssignmentIndexOfDefinition(long definitionId) => (int)(definitionId - 9501);

    public int AssignmentIndex(long assignmentId) => (int)(assignmentId - 6001);

    /// <summary>The first learner never submits.</summary>
    public bool HasSubmitted(int learner) => learner != 0;

    public long SubmissionId(int learner, int assignment) => 60_000 + (assignment * 1000) + learner;

    public long GradeId(int learner, int assignment) => 70_000 + (assignment * 1000) + learner;

    public long TimeModified(int learner, int assignment) => CourseStart.AddDays(7 * (assignment + 1)).ToUnixTimeSeconds() + (learner * 60);

    /// <summary>The grade out of 100, or null for a learner who never submitted.</summary>
    public decimal? Grade(int learner, int assignment) => HasSubmitted(learner) ? 50 + (((learner * 7) + (assignment * 11)) % 50) : null;

    /// <summary>The grade as Moodle writes it: <c>"92.00000"</c>.</summary>
    public string? GradeString(int learner, int assignment) => Grade(learner, assignment)?.ToString("F5", CultureInfo.InvariantCulture);

    /// <summary>The course total (mean of the assignments), or null when the learner never submitted.</summary>
    public decimal? CourseTotal(int learner)
    {
        if (!HasSubmitted(learner))
        {
            return null;
        }

        decimal sum = 0;
        for (var a = 0; a < AssignmentCount; a++)
        {
            sum += Grade(learner, a)!.Value;
        }

        return Math.Round(sum / AssignmentCount, 5);
    }

    public long CriterionId(int assignment, int criterion) => 9600 + (assignment * 10) + criterion;

    public long LevelId(int assignment, int criterion, int level) => 9700 + (assignment * 100) + (criterion * 10) + level;

    /// <summary>The level (0 = best of three) given on a criterion.</summary>
    public int LevelGiven(int learner, int assignment, int criterion) => (learner + assignment + criterion) % 3;

    /// <summary>The competency rating on a 1-3 scale (3 = competent), or null when not yet rated.</summary>
    public int? CompetencyGrade(int learner, int competency) => HasSubmitted(learner) ? 1 + ((learner + competency) % 3) : null;

    public string FileName(int learner, int assignment) => $"essay-{LearnerId(learner)}-{AssignmentId(assignment)}.pdf";

    public byte[] FileContent(int learner, int assignment) =>
        System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4 emulated submission of learner {LearnerId(learner)} for assignment {AssignmentId(assignment)}");
}
