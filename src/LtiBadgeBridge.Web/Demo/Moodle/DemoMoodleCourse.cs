using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>
/// The pilot course as Moodle numbers it. Users keep their ids (Moodle's LTI <c>sub</c> is the user id);
/// each assignment is an <c>assign</c> activity (instance id = the assignment id, its own course module and
/// context); the capstone is graded with a rubric (grading definition <see cref="RubricDefinitionId"/>, whose
/// criteria and levels get Moodle ids); the architecture outcome is the course competency <see cref="CompetencyId"/>
/// ("ARCH"), rated on a four-point scale from the capstone's architecture criterion. The course total uses natural
/// aggregation with empty grades counted as zero, so it equals the Canvas course's final score.
/// </summary>
internal sealed class DemoMoodleCourse(PilotCourse course)
{
    public const long RubricDefinitionId = 7;
    public const long CompetencyId = 11;
    public const long CompetencyFrameworkId = 1;
    public const string CompetencyIdNumber = "ARCH";
    public const long CourseTotalItemId = 1;
    private const long FirstCmid = 100;
    private const long FirstContextId = 200;

    public PilotCourse Course { get; } = course;

    public long Cmid(PilotAssignment assignment) => FirstCmid + IndexOf(assignment);

    public long ContextIdOf(PilotAssignment assignment) => FirstContextId + IndexOf(assignment);

    public PilotAssignment? AssignmentByCmid(long cmid) => cmid - FirstCmid is var i and >= 0 && i < Course.Assignments.Count ? Course.Assignments[(int)i] : null;

    public PilotAssignment? AssignmentById(long id) => Course.Assignments.FirstOrDefault(a => a.Id == id);

    public long GradeItemId(PilotAssignment assignment) => 10 + IndexOf(assignment);

    public static long CriterionId(int index) => 71 + index;

    public static long LevelId(int criterionIndex, int points) => (CriterionId(criterionIndex) * 10) + points;

    /// <summary>The grade record id of a submission (<c>assign_grades.id</c>; also the rubric instance's item id).</summary>
    public static long GradeId(PilotSubmission submission) => submission.Id - 600_000;

    /// <summary>Moodle's scale for the competency: the rubric's ratings, lowest first (grade 1..4).</summary>
    public IReadOnlyList<PilotRating> CompetencyScale => [.. ArchitectureCriterion.Ratings.OrderBy(r => r.Points)];

    public PilotRubricCriterion ArchitectureCriterion => Course.Rubric.Single(c => c.OutcomeId == PilotCourse.ArchitectureOutcomeId);

    /// <summary>The learner's competency rating (1..4), from the capstone's architecture criterion; null before it was assessed.</summary>
    public int? CompetencyGrade(long userId) =>
        Course.SubmissionsOf(userId).SingleOrDefault(s => s.AssignmentId == PilotCourse.CapstoneAssignmentId)?.Rubric is { } levels
        && levels.TryGetValue(ArchitectureCriterion.Id, out var points) ? points : null;

    /// <summary>Points earned and possible for the course total: ungraded work counts as zero, excused work is excluded.</summary>
    public (decimal Earned, decimal Possible) CourseTotal(long userId)
    {
        var submissions = Course.SubmissionsOf(userId).ToList();
        var excused = submissions.Where(s => s.Excused).Select(s => s.AssignmentId).ToHashSet();
        return (submissions.Where(s => !s.Excused).Sum(s => s.Score ?? 0), Course.Assignments.Where(a => !excused.Contains(a.Id)).Sum(a => a.PointsPossible));
    }

    public bool IsEnrolled(long userId) => Course.Learners.Any(l => l.UserId == userId) || userId == Course.Instructor.UserId;

    private int IndexOf(PilotAssignment assignment)
    {
        for (var i = 0; i < Course.Assignments.Count; i++)
        {
            if (Course.Assignments[i].Id == assignment.Id)
            {
                return i;
            }
        }

        throw new ArgumentException("Not an assignment of the course.", nameof(assignment));
    }
}
