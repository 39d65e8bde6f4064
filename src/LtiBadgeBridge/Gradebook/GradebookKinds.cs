using System.Globalization;

namespace LtiBadgeBridge.Gradebook;

/// <summary>The outbox kind <c>post-score</c>: payload <c>{"awardId":456}</c>, dedupe key
/// <c>post-score:{awardId}:{issued|revoked}</c> (the event is read from the key).</summary>
public static class GradebookKinds
{
    public const string PostScore = "post-score";
    public const string Issued = "issued";
    public const string Revoked = "revoked";

    /// <summary>The AGS <c>resourceId</c> and <c>tag</c> of an achievement's gradebook column.</summary>
    public const string LineItemTag = "ltibadgebridge";

    public static string ResourceId(long achievementId) => string.Create(CultureInfo.InvariantCulture, $"achievement:{achievementId}");

    public static string DedupeKey(long awardId, string scoreEvent) => string.Create(CultureInfo.InvariantCulture, $"{PostScore}:{awardId}:{scoreEvent}");

    public static string Payload(long awardId) => string.Create(CultureInfo.InvariantCulture, $"{{\"awardId\":{awardId}}}");

    /// <summary>The event of a dedupe key, or null when the key is not one of ours.</summary>
    public static string? EventOf(string dedupeKey)
    {
        ArgumentNullException.ThrowIfNull(dedupeKey);
        var last = dedupeKey.LastIndexOf(':');
        var scoreEvent = last < 0 ? null : dedupeKey[(last + 1)..];
        return scoreEvent is Issued or Revoked ? scoreEvent : null;
    }
}
