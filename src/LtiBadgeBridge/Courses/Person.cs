namespace LtiBadgeBridge.Courses;

/// <summary>A person on a platform, keyed by the LTI user id (<c>sub</c>).</summary>
public sealed record Person
{
    public long Id { get; init; }
    public long PlatformId { get; init; }
    public required string LtiUserId { get; init; }

    /// <summary>The LMS's own user id (Canvas user id, Moodle user id), for REST/web service data.</summary>
    public string? LmsUserId { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
}

/// <summary>A person's membership of a course, with the course totals the LMS computed.</summary>
public sealed record Enrollment
{
    public long CourseId { get; init; }
    public long PersonId { get; init; }

    /// <summary>Space-separated LTI role URIs (or short names).</summary>
    public string Roles { get; init; } = "";

    /// <summary><c>active</c> or <c>inactive</c>.</summary>
    public string Status { get; init; } = "active";

    /// <summary>Percentage 0–100 (may exceed 100 with extra credit); null when the LMS has none.</summary>
    public double? CurrentScore { get; init; }
    public double? FinalScore { get; init; }
}
