namespace LtiBadgeBridge.Web.Instructor;

/// <summary>
/// A course's outcomes as the instructor sees them (the pilot report's "learners, badges earned, pass
/// rate" table, live): per achievement, and earned awards per week.
/// </summary>
public sealed record CourseOutcomes
{
    /// <summary>Active learners enrolled in the course (instructors and TAs left out).</summary>
    public required int Learners { get; init; }

    public required IReadOnlyList<AchievementOutcome> Achievements { get; init; }

    /// <summary>Earned awards per week (Monday, UTC) of <c>earned_at</c>, oldest first, with empty weeks filled in.</summary>
    public required IReadOnlyList<WeeklyEarned> Weeks { get; init; }
}

/// <summary>One achievement's numbers in a course.</summary>
public sealed record AchievementOutcome
{
    public required long AchievementId { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public bool InstitutionWide { get; init; }

    public int Earned { get; init; }

    public int PendingApproval { get; init; }

    public int Revoked { get; init; }

    /// <summary>Enrolled learners who have neither earned it nor wait for approval.</summary>
    public int InProgress { get; init; }

    /// <summary>Earned ÷ enrolled learners, 0–100; null when nobody is enrolled.</summary>
    public double? PassRate { get; init; }
}

/// <summary>Awards earned in the week starting <see cref="WeekStart"/>, and the running total.</summary>
public sealed record WeeklyEarned(DateOnly WeekStart, int Earned, int Cumulative);
