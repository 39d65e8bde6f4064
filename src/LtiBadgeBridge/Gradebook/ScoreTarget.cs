namespace LtiBadgeBridge.Gradebook;

/// <summary>What a <c>post-score</c> needs to know about an award: whose, in which course, which achievement,
/// the course's AGS line items URL and the credential (public id, issue and revocation times).</summary>
public sealed record ScoreTarget
{
    public long AwardId { get; init; }
    public long PlatformId { get; init; }
    public long AchievementId { get; init; }
    public long? CourseId { get; init; }
    public string AwardState { get; init; } = "";
    public string AchievementName { get; init; } = "";
    public string? AgsLineitemsUrl { get; init; }
    public string LtiUserId { get; init; } = "";

    /// <summary>The LMS's own user id, to find the LTI user id when a sync only knew the learner by it.</summary>
    public string? LmsUserId { get; init; }
    public string? PublicId { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevocationReason { get; init; }
}

/// <summary>What became of one score event: <c>posted</c>, <c>skipped</c> (nothing to post to) or <c>failed</c> (reported, not retried).</summary>
public static class ScoreStates
{
    public const string Posted = "posted";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}

/// <summary>A course's gradebook delivery at a glance, for the instructor.</summary>
public sealed record GradebookSummary
{
    public int Posted { get; init; }
    public int Skipped { get; init; }
    public int Failed { get; init; }
    public int Pending { get; init; }

    /// <summary>The most recent failure's code and message, if any.</summary>
    public string? LastProblem { get; init; }
}
