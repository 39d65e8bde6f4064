namespace LtiBadgeBridge.Courses;

/// <summary>A course (LTI context) of a platform, bound when it is first launched.</summary>
public sealed record Course
{
    public long Id { get; init; }
    public long PlatformId { get; init; }
    public required string DeploymentId { get; init; }

    /// <summary>The LTI context id: unique within the platform.</summary>
    public required string ContextId { get; init; }

    /// <summary>The LMS's own course id (Canvas <c>custom_canvas_course_id</c>, Moodle course id), when known.</summary>
    public string? LmsCourseId { get; init; }
    public string Title { get; init; } = "";
    public string? Label { get; init; }
    public string? AgsLineitemsUrl { get; init; }
    public string? NrpsMembershipsUrl { get; init; }
    public bool SyncEnabled { get; init; } = true;
    public int? SyncIntervalMinutes { get; init; }

    /// <summary><c>active</c>, <c>concluded</c> (synced read-only) or <c>deleted</c> (no longer synced).</summary>
    public string LmsState { get; init; } = CourseStates.Active;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public static class CourseStates
{
    public const string Active = "active";
    public const string Concluded = "concluded";
    public const string Deleted = "deleted";
}
