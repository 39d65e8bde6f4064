namespace LtiBadgeBridge.Issuance;

/// <summary>An award with what its credential needs: the achievement version's definition and the learner.</summary>
public sealed record AwardRow
{
    public long AwardId { get; init; }
    public long PlatformId { get; init; }
    public long AchievementId { get; init; }
    public long PersonId { get; init; }
    public int RuleVersion { get; init; }
    public required string State { get; init; }
    public string? Result { get; init; }
    public string? Evidence { get; init; }
    public DateTimeOffset EarnedAt { get; init; }

    /// <summary>The achievement version's definition text (YAML or JSON); null when the version row is missing.</summary>
    public string? Definition { get; init; }

    public required string LtiUserId { get; init; }
    public string? Email { get; init; }
    public string? PersonName { get; init; }
}
