namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary><c>mod_assign_get_assignments</c> (called with <c>includenotenrolledcourses=1</c>).</summary>
public sealed record MoodleAssignmentsResult
{
    public IReadOnlyList<MoodleCourseAssignments> Courses { get; init; } = [];

    public IReadOnlyList<MoodleWarning> Warnings { get; init; } = [];
}

/// <summary>A course and its assignments.</summary>
public sealed record MoodleCourseAssignments
{
    public required long Id { get; init; }

    public string? FullName { get; init; }

    public string? ShortName { get; init; }

    public IReadOnlyList<MoodleAssignment> Assignments { get; init; } = [];
}

/// <summary>An assignment. Times are Unix seconds (0 = not set), as Moodle sends them.</summary>
public sealed record MoodleAssignment
{
    public required long Id { get; init; }

    /// <summary>The course module id (used by grading definitions and file URLs).</summary>
    public required long Cmid { get; init; }

    public long Course { get; init; }

    public string? Name { get; init; }

    public long DueDate { get; init; }

    public long CutoffDate { get; init; }

    /// <summary>The maximum grade; a negative value is the id of a scale.</summary>
    public decimal Grade { get; init; }

    public long TimeModified { get; init; }
}
