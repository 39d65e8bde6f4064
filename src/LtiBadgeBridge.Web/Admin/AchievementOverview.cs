namespace LtiBadgeBridge.Web.Admin;

/// <summary>One achievement in the admin's cross-course list, with its award counts.</summary>
public sealed record AchievementOverview
{
    public long Id { get; init; }
    public long PlatformId { get; init; }
    public string PlatformName { get; init; } = "";
    public long? CourseId { get; init; }
    public string? CourseTitle { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Status { get; init; } = "";
    public int CurrentVersion { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Earned { get; init; }
    public long Pending { get; init; }
    public long Revoked { get; init; }
}
