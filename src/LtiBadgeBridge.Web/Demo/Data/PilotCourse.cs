namespace LtiBadgeBridge.Web.Demo.Data;

/// <summary>
/// The demo course, shaped like the Cloud Computing pilot: 43 learners over nine weeks, weekly
/// assignments, a capstone workshop assessed with a rubric and a repository link. Built once by
/// <see cref="PilotCourseBuilder"/> from a fixed seed, so every run shows the same people and grades.
/// </summary>
internal sealed record PilotCourse
{
    /// <summary>Canvas course id; matches the header of <c>config/achievements/cloud-computing.yaml</c>.</summary>
    public const long CourseId = 2001;
    public const long CapstoneAssignmentId = 20010;
    public const long CapstoneRubricId = 20019;
    public const long ArchitectureOutcomeId = 3001;

    public required string Name { get; init; }
    public required string CourseCode { get; init; }

    /// <summary>The opaque LTI context id (Canvas sends a hash, not the course id).</summary>
    public required string ContextId { get; init; }
    public required DateTimeOffset StartAt { get; init; }
    public required DateTimeOffset EndAt { get; init; }
    public required IReadOnlyList<PilotAssignment> Assignments { get; init; }
    public required IReadOnlyList<PilotRubricCriterion> Rubric { get; init; }
    public required IReadOnlyList<PilotPerson> Learners { get; init; }
    public required PilotPerson Instructor { get; init; }
    public required PilotPerson Admin { get; init; }
    public required IReadOnlyList<PilotSubmission> Submissions { get; init; }

    public decimal TotalPoints => Assignments.Sum(a => a.PointsPossible);

    public PilotAssignment Capstone => Assignments.Single(a => a.Id == CapstoneAssignmentId);

    public IEnumerable<PilotPerson> Everyone => Learners.Append(Instructor).Append(Admin);

    public PilotPerson? FindBySubject(string subject) => Everyone.FirstOrDefault(p => p.Subject == subject);

    public PilotPerson? FindByUserId(long userId) => Everyone.FirstOrDefault(p => p.UserId == userId);

    public IEnumerable<PilotSubmission> SubmissionsOf(long userId) => Submissions.Where(s => s.UserId == userId);

    /// <summary>Canvas's current score: graded work only, in percent of the graded points; null before any grade.</summary>
    public decimal? CurrentScore(long userId)
    {
        var graded = SubmissionsOf(userId).Where(s => s.Score is not null && !s.Excused).ToList();
        var possible = graded.Sum(s => Assignment(s.AssignmentId).PointsPossible);
        return possible == 0 ? null : Math.Round(graded.Sum(s => s.Score!.Value) * 100 / possible, 2);
    }

    /// <summary>Canvas's final score: ungraded and missing work counts as zero, excused work is left out.</summary>
    public decimal FinalScore(long userId)
    {
        var submissions = SubmissionsOf(userId).ToList();
        var excused = submissions.Where(s => s.Excused).Select(s => s.AssignmentId).ToHashSet();
        var possible = Assignments.Where(a => !excused.Contains(a.Id)).Sum(a => a.PointsPossible);
        var earned = submissions.Where(s => !s.Excused).Sum(s => s.Score ?? 0);
        return possible == 0 ? 0 : Math.Round(earned * 100 / possible, 2);
    }

    public PilotAssignment Assignment(long id) => Assignments.Single(a => a.Id == id);

    /// <summary>The letter Canvas shows for a percentage under a common grading scheme.</summary>
    public static string Letter(decimal? percent) => percent switch
    {
        null => "",
        >= 90 => "A",
        >= 80 => "B",
        >= 70 => "C",
        >= 60 => "D",
        _ => "F",
    };
}

/// <summary>A course member with the ids each protocol knows them by.</summary>
internal sealed record PilotPerson
{
    /// <summary>Canvas user id.</summary>
    public required long UserId { get; init; }

    /// <summary>The LTI <c>sub</c> (Canvas's per-user LTI id, a UUID).</summary>
    public required string Subject { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required string Email { get; init; }
    public required long EnrollmentId { get; init; }

    /// <summary><c>active</c>, or <c>inactive</c> for a learner who withdrew.</summary>
    public string EnrollmentState { get; init; } = "active";

    /// <summary>Why the demo includes this learner (e.g. "earns the badge", "close: one criterion short").</summary>
    public string Story { get; init; } = "";

    public string Name => GivenName + " " + FamilyName;

    public string SortableName => FamilyName + ", " + GivenName;
}

/// <summary>An assignment of the course.</summary>
internal sealed record PilotAssignment
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required decimal PointsPossible { get; init; }
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Canvas submission types, e.g. <c>online_quiz</c>, <c>online_upload</c>, <c>online_url</c>.</summary>
    public required IReadOnlyList<string> SubmissionTypes { get; init; }
    public long? RubricId { get; init; }
}

/// <summary>A rubric criterion with its ratings (highest first, as Canvas lists them).</summary>
internal sealed record PilotRubricCriterion
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required string LongDescription { get; init; }
    public long? OutcomeId { get; init; }
    public required IReadOnlyList<PilotRating> Ratings { get; init; }

    public PilotRating RatingAt(int points) => Ratings.Single(r => r.Points == points);
}

/// <summary>A rating of a criterion: Beginning (1) &lt; Developing (2) &lt; Proficient (3) &lt; Exemplary (4).</summary>
internal sealed record PilotRating(string Id, string Description, int Points);

/// <summary>One learner's latest submission on one assignment, with its earlier attempts.</summary>
internal sealed record PilotSubmission
{
    public required long Id { get; init; }
    public required long AssignmentId { get; init; }
    public required long UserId { get; init; }
    public decimal? Score { get; init; }
    public bool Excused { get; init; }
    public bool Late { get; init; }
    public bool Missing { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? GradedAt { get; init; }
    public int Attempt { get; init; }
    public string? SubmissionType { get; init; }
    public string? Url { get; init; }
    public string? Body { get; init; }
    public string? AttachmentName { get; init; }

    /// <summary>Criterion id to rating points, for the capstone.</summary>
    public IReadOnlyDictionary<string, int>? Rubric { get; init; }

    /// <summary>Earlier attempts (oldest first); the latest is this record itself.</summary>
    public IReadOnlyList<PilotSubmission> EarlierAttempts { get; init; } = [];

    /// <summary><c>graded</c>, <c>submitted</c> or <c>unsubmitted</c>.</summary>
    public string WorkflowState => Score is not null || Excused ? "graded" : SubmittedAt is not null ? "submitted" : "unsubmitted";
}
