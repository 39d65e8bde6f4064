namespace LtiBadgeBridge.Achievements;

/// <summary>An award row: one per (platform, person, achievement).</summary>
public sealed record Award
{
    public long Id { get; init; }
    public long PlatformId { get; init; }
    public long AchievementId { get; init; }
    public long PersonId { get; init; }
    public long? CourseId { get; init; }

    /// <summary>The achievement version number (achievement_versions.version) that granted it.</summary>
    public int RuleVersion { get; init; }

    /// <summary><c>pending_approval</c>, <c>earned</c> or <c>revoked</c>.</summary>
    public required string State { get; init; }

    /// <summary>JSON array: the rules engine's <c>Decision.Results</c>.</summary>
    public string? Result { get; init; }

    /// <summary>JSON array: the rules engine's <c>Decision.Evidence</c>.</summary>
    public string? Evidence { get; init; }
    public DateTimeOffset EarnedAt { get; init; }
    public string? ApprovedBy { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public string? RevokedBy { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedReason { get; init; }
}
