namespace LtiBadgeBridge.Achievements;

/// <summary>What one evaluation of a course did: counts of learners, writes and award intents.</summary>
public sealed record CourseEvaluation
{
    public long CourseId { get; init; }

    /// <summary>Achievements evaluated (compiled against the course catalogue).</summary>
    public int Achievements { get; init; }

    /// <summary>Achievements left out because they do not compile against this course (errors logged).</summary>
    public int SkippedAchievements { get; init; }

    public int Learners { get; init; }

    /// <summary>Decision rows inserted or changed (unchanged fingerprints are not written).</summary>
    public int DecisionsWritten { get; init; }

    /// <summary>Awards newly earned (each with one <c>issue-credential</c> intent).</summary>
    public int AwardsEarned { get; init; }

    /// <summary>Awards newly waiting for an instructor's approval.</summary>
    public int AwardsPending { get; init; }

    /// <summary>Pending awards withdrawn because the learner is no longer eligible.</summary>
    public int ApprovalsWithdrawn { get; init; }

    /// <summary>Rows changed in decisions, awards and outbox together: zero when nothing changed.</summary>
    public int TotalWrites => DecisionsWritten + AwardsEarned + AwardsPending + ApprovalsWithdrawn;
}
