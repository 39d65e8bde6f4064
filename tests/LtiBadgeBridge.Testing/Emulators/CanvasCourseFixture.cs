using System.Globalization;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>
/// The deterministic course <see cref="EmulatedCanvas"/> serves: learners 1001.., assignments 5001..
/// (the last is a URL-submitted capstone), three rubric criteria each, two outcomes. Every value is a
/// pure function of the indexes, so tests and benchmarks can recompute what they should receive.
/// </summary>
public sealed class CanvasCourseFixture
{
    public static readonly DateTimeOffset CourseStart = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);

    public CanvasCourseFixture(long courseId, int learners, int assignments)
    {
        CourseId = courseId;
        LearnerCount = learners;
        AssignmentCount = assignments;
    }

    public long CourseId { get; }

    public int LearnerCount { get; }

    public int AssignmentCount { get; }

    public const int CriteriaPerRubric = 3;

    public static readonly long[] OutcomeIds = [7001, 7002];

    public long LearnerId(int index) => 1001 + index;

    public long AssignmentId(int index) => 5001 + index;

    public int LearnerIndex(long learnerId) => (int)(learnerId - 1001);

    /// <summary>The learner's LTI 1.3 <c>sub</c> (Canvas sends the user's UUID, unrelated to the REST id).</summary>
    public string LtiSubject(int index) => "8f2c1d7a-5b3e-4c9f-a1d0-" + (0x3a0000000000L + (index * 7919L)).ToString("x12", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The learner's SIS id: REST <c>user.sis_user_id</c> and NRPS <c>lis_person_sourcedid</c>.</summary>
    public string SisUserId(int index) => "S" + (2026_0000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int AssignmentIndex(long assignmentId) => (int)(assignmentId - 5001);

    public decimal PointsPossible(int assignment) => 10m * (1 + (assignment % 5));

    public bool IsCapstone(int assignment) => assignment == AssignmentCount - 1;

    public DateTimeOffset DueAt(int assignment) => CourseStart.AddDays(7 * (assignment + 1)).AddHours(23).AddMinutes(59);

    private static int Hash(int learner, int assignment) => ((learner * 31) + (assignment * 17) + ((learner * assignment) % 7)) % 100;

    /// <summary>A learner did not submit this assignment.</summary>
    public bool IsMissing(int learner, int assignment) => Hash(learner, assignment) < 6;

    public bool IsExcused(int learner, int assignment) => Hash(learner, assignment) == 99;

    public bool IsLate(int learner, int assignment) => !IsMissing(learner, assignment) && Hash(learner, assignment) % 13 == 0;

    public int Attempts(int learner, int assignment) => IsMissing(learner, assignment) ? 0 : Hash(learner, assignment) % 7 == 0 ? 2 : 1;

    /// <summary>The score, or null when missing or excused.</summary>
    public decimal? Score(int learner, int assignment)
    {
        if (IsMissing(learner, assignment) || IsExcused(learner, assignment))
        {
            return null;
        }

        var fraction = 0.5m + (Hash(learner, assignment) % 50 / 100m);
        return Math.Round(PointsPossible(assignment) * fraction, 2);
    }

    public DateTimeOffset? SubmittedAt(int learner, int assignment) =>
        IsMissing(learner, assignment) ? null : DueAt(assignment).AddHours(IsLate(learner, assignment) ? 5 : -(Hash(learner, assignment) % 48) - 1);

    /// <summary><c>online_url</c> for the capstone, otherwise uploads and text entries in turn.</summary>
    public string SubmissionType(int assignment) =>
        IsCapstone(assignment) ? "online_url" : assignment % 2 == 0 ? "online_upload" : "online_text_entry";

    public string CapstoneUrl(int learner) => $"https://git.example.org/learner-{LearnerId(learner)}/capstone";

    /// <summary>The rubric rating chosen for a criterion: 0 = full marks, 1 = most, 2 = some.</summary>
    public int RatingIndex(int learner, int assignment, int criterion) => (Hash(learner, assignment) + criterion) % 3;

    public decimal CriterionPoints(int assignment) => PointsPossible(assignment) / CriteriaPerRubric;

    public static string CriterionId(long assignmentId, int criterion) => $"_{assignmentId}_{criterion}";

    public static string RatingId(long assignmentId, int criterion, int rating) => $"r{assignmentId}_{criterion}_{rating}";

    public static decimal RatingFraction(int rating) => rating switch { 0 => 1m, 1 => 0.7m, _ => 0.3m };

    /// <summary>Current score in percent: graded work only.</summary>
    public decimal? CurrentScore(int learner)
    {
        decimal earned = 0, possible = 0;
        for (var a = 0; a < AssignmentCount; a++)
        {
            if (Score(learner, a) is { } score)
            {
                earned += score;
                possible += PointsPossible(a);
            }
        }

        return possible == 0 ? null : Math.Round(earned * 100m / possible, 2);
    }

    /// <summary>Final score in percent: missing work counts as zero, excused work is left out.</summary>
    public decimal FinalScore(int learner)
    {
        decimal earned = 0, possible = 0;
        for (var a = 0; a < AssignmentCount; a++)
        {
            if (IsExcused(learner, a))
            {
                continue;
            }

            earned += Score(learner, a) ?? 0;
            possible += PointsPossible(a);
        }

        return possible == 0 ? 0 : Math.Round(earned * 100m / possible, 2);
    }

    /// <summary>Outcome score on a 0-4 scale; mastery at 3.</summary>
    public decimal OutcomeScore(int learner, int outcome) => 1 + ((learner + (outcome * 2)) % 4);

    public string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
