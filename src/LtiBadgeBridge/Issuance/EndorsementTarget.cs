namespace LtiBadgeBridge.Issuance;

/// <summary>What an endorsement endorses: an achievement, or the issuer of a registration.</summary>
public sealed record EndorsementTarget
{
    public required long PlatformId { get; init; }

    /// <summary>Null for the issuer.</summary>
    public long? AchievementId { get; init; }

    /// <summary>The ids an endorsement's <c>credentialSubject.id</c> may carry for this target.</summary>
    public required IReadOnlyList<string> SubjectIds { get; init; }

    public override string ToString() => AchievementId is { } id ? $"achievement {id}" : $"the issuer of platform {PlatformId}";
}
