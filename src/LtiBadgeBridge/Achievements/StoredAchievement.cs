namespace LtiBadgeBridge.Achievements;

/// <summary>An achievement of a platform: course-scoped, or institution-wide when <see cref="CourseId"/> is null.</summary>
public sealed record StoredAchievement
{
    public long Id { get; init; }
    public long PlatformId { get; init; }

    /// <summary>The course (courses.id) it belongs to; null for an institution-wide achievement.</summary>
    public long? CourseId { get; init; }

    /// <summary>The definition's <c>id</c>: unique within the course or institution.</summary>
    public required string Slug { get; init; }
    public required string Name { get; init; }

    /// <summary><c>draft</c>, <c>active</c> or <c>archived</c>; only active achievements are evaluated and shown to learners.</summary>
    public string Status { get; init; } = AchievementStatuses.Active;
    public int CurrentVersion { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was first published (made active); null while it is a draft.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public bool IsDraft => string.Equals(Status, AchievementStatuses.Draft, StringComparison.Ordinal);
}

/// <summary>One stored version of a definition: the text as imported and its content hash.</summary>
public sealed record StoredAchievementVersion
{
    public long AchievementId { get; init; }
    public int Version { get; init; }
    public long PlatformId { get; init; }

    /// <summary>The definition text (YAML or JSON) as it was imported.</summary>
    public required string Definition { get; init; }

    /// <summary>The <see cref="Rules.Definitions.DefinitionVersion"/> (<c>sha256:...</c>) of the definition.</summary>
    public required string ContentHash { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An achievement with the text of its current version: what evaluation compiles.</summary>
public sealed record ActiveAchievement(StoredAchievement Achievement, StoredAchievementVersion Version);

public static class AchievementStatuses
{
    /// <summary>Saved and versioned, but not evaluated, awarded or shown to learners until published.</summary>
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Archived = "archived";
}
