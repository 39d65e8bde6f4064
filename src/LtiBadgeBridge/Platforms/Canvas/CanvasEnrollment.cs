namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>A student enrollment with the learner's course scores (<c>GET /api/v1/courses/:id/enrollments</c>).</summary>
public sealed record CanvasEnrollment
{
    public required long Id { get; init; }

    public required long UserId { get; init; }

    public long CourseId { get; init; }

    /// <summary><c>StudentEnrollment</c>, <c>TeacherEnrollment</c>...</summary>
    public string? Type { get; init; }

    /// <summary><c>active</c>, <c>completed</c>, <c>inactive</c>, <c>invited</c>...</summary>
    public string? EnrollmentState { get; init; }

    public CanvasGrades? Grades { get; init; }

    public CanvasUser? User { get; init; }
}

/// <summary>Course scores of an enrollment, in percent.</summary>
public sealed record CanvasGrades
{
    public decimal? CurrentScore { get; init; }

    public decimal? FinalScore { get; init; }

    public string? CurrentGrade { get; init; }

    public string? FinalGrade { get; init; }
}

/// <summary>The user of an enrollment.</summary>
public sealed record CanvasUser
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? SortableName { get; init; }

    /// <summary>The SIS id, when the token may read SIS data; NRPS sends the same value as <c>lis_person_sourcedid</c>.</summary>
    public string? SisUserId { get; init; }
}
