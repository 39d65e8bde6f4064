namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary><c>gradereport_user_get_grade_items</c> for one course and one user.</summary>
public sealed record MoodleGradeItemsResult
{
    public IReadOnlyList<MoodleUserGrades> UserGrades { get; init; } = [];

    public IReadOnlyList<MoodleWarning> Warnings { get; init; } = [];
}

/// <summary>A learner's grade items in a course.</summary>
public sealed record MoodleUserGrades
{
    public required long CourseId { get; init; }

    public required long UserId { get; init; }

    public IReadOnlyList<MoodleGradeItem> GradeItems { get; init; } = [];

    /// <summary>The course total item (<c>itemtype: course</c>), if present.</summary>
    public MoodleGradeItem? CourseTotal => GradeItems.FirstOrDefault(i => string.Equals(i.ItemType, "course", StringComparison.Ordinal));
}

/// <summary>A grade item with the learner's raw grade (null when never graded); ignore the HTML <c>gradeformatted</c>.</summary>
public sealed record MoodleGradeItem
{
    public required long Id { get; init; }

    public string? ItemName { get; init; }

    /// <summary><c>course</c>, <c>mod</c>, <c>category</c> or <c>manual</c>.</summary>
    public string? ItemType { get; init; }

    public string? ItemModule { get; init; }

    public long? ItemInstance { get; init; }

    public long? Cmid { get; init; }

    public decimal? GradeRaw { get; init; }

    public decimal? GradeMin { get; init; }

    public decimal? GradeMax { get; init; }

    public string? PercentageFormatted { get; init; }

    /// <summary>The raw grade as a percentage of the item's range, or null when ungraded.</summary>
    public decimal? Percentage => GradeRaw is { } raw && GradeMax is { } max && max > (GradeMin ?? 0)
        ? (raw - (GradeMin ?? 0)) * 100m / (max - (GradeMin ?? 0))
        : null;
}
