namespace LtiBadgeBridge.Learners;

/// <summary>What one learner sees in one course: their badges and their progress towards the others.</summary>
public sealed record LearnerCourse
{
    /// <summary>When the course's grades were last read from the LMS; null when they never were.</summary>
    public DateTimeOffset? LastSyncedAt { get; init; }

    public bool Synced => LastSyncedAt is not null;

    /// <summary>Every achievement the learner has an award for (earned, waiting for approval or revoked), newest first.</summary>
    public IReadOnlyList<LearnerAchievement> Awarded { get; init; } = [];

    /// <summary>The course's active achievements the learner has not been awarded, by name.</summary>
    public IReadOnlyList<LearnerAchievement> NotYetEarned { get; init; } = [];

    public bool HasAchievements => Awarded.Count > 0 || NotYetEarned.Count > 0;
}
