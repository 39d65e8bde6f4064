using System.Globalization;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary><c>mod_assign_get_grades</c>.</summary>
public sealed record MoodleGradesResult
{
    public IReadOnlyList<MoodleAssignmentGrades> Assignments { get; init; } = [];

    public IReadOnlyList<MoodleWarning> Warnings { get; init; } = [];
}

/// <summary>The grades of one assignment.</summary>
public sealed record MoodleAssignmentGrades
{
    public required long AssignmentId { get; init; }

    public IReadOnlyList<MoodleGrade> Grades { get; init; } = [];
}

/// <summary>
/// A learner's assignment grade. Moodle sends the grade as a string (<c>"92.00000"</c>);
/// <see cref="Score"/> parses it, and is null for an empty or negative (not graded) value.
/// </summary>
public sealed record MoodleGrade
{
    /// <summary>The grade id; grading form instances refer to it as their <c>itemid</c>.</summary>
    public required long Id { get; init; }

    public required long UserId { get; init; }

    public int AttemptNumber { get; init; }

    public long TimeCreated { get; init; }

    public long TimeModified { get; init; }

    public long? Grader { get; init; }

    /// <summary>The raw string Moodle sent.</summary>
    public string? Grade { get; init; }

    public decimal? Score => ParseGrade(Grade);

    /// <summary>Parses a Moodle grade string; null when empty, unparseable or negative (Moodle's "no grade").</summary>
    public static decimal? ParseGrade(string? grade) =>
        decimal.TryParse(grade, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
}
