using System.Globalization;

namespace LtiBadgeBridge.Achievements;

/// <summary>The outbox kinds, dedupe keys and payloads this feature produces (the cross-feature contracts).</summary>
public static class EvaluationKeys
{
    public const string EvaluateCourseKind = "evaluate-course";
    public const string IssueCredentialKind = "issue-credential";
    public const string RevokeCredentialKind = "revoke-credential";

    public static string EvaluateCourse(long courseId, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"evaluate-course:{courseId}:{at.UtcTicks}");

    public static string EvaluateCoursePayload(long courseId) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"courseId\":{courseId}}}");

    public static string IssueCredential(long awardId) =>
        string.Create(CultureInfo.InvariantCulture, $"issue-credential:{awardId}");

    public static string RevokeCredential(long awardId) =>
        string.Create(CultureInfo.InvariantCulture, $"revoke-credential:{awardId}");

    public static string AwardPayload(long awardId) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"awardId\":{awardId}}}");
}
