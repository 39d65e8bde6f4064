namespace LtiBadgeBridge.Achievements;

/// <summary>Stable codes for refusals of the achievement store and services (definition errors keep their own codes).</summary>
public static class AchievementErrorCodes
{
    public const string PlatformNotFound = "platform_not_found";
    public const string CourseNotFound = "course_not_found";
    public const string AchievementNotFound = "achievement_not_found";
    public const string AlreadyPublished = "achievement_already_published";
    public const string AwardNotFound = "award_not_found";
    public const string NotPending = "award_not_pending";
    public const string AlreadyRevoked = "award_already_revoked";
    public const string NoLongerEligible = "award_no_longer_eligible";
    public const string ReasonRequired = "revocation_reason_required";
    public const string ActorRequired = "actor_required";
}
