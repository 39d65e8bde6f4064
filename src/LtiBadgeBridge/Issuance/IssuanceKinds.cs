namespace LtiBadgeBridge.Issuance;

/// <summary>The outbox kinds issuance consumes (payload <c>{"awardId":123}</c>).</summary>
public static class IssuanceKinds
{
    public const string IssueCredential = "issue-credential";
    public const string RevokeCredential = "revoke-credential";

    public static string IssueDedupeKey(long awardId) => $"{IssueCredential}:{awardId}";

    public static string RevokeDedupeKey(long awardId) => $"{RevokeCredential}:{awardId}";

    public static string Payload(long awardId) => $"{{\"awardId\":{awardId}}}";
}
