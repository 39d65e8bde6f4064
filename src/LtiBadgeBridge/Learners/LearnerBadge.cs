namespace LtiBadgeBridge.Learners;

/// <summary>A learner's award and, once issued, its credential.</summary>
public sealed record LearnerBadge
{
    public required long AwardId { get; init; }

    /// <summary><c>earned</c>, <c>pending_approval</c> or <c>revoked</c> (see <see cref="Achievements.AwardStates"/>).</summary>
    public required string State { get; init; }

    public required DateTimeOffset EarnedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedReason { get; init; }

    /// <summary>The issued credential; null while it is being issued or when the award is waiting for approval.</summary>
    public LearnerCredential? Credential { get; init; }

    public bool IsEarned => State == Achievements.AwardStates.Earned && Credential is not { Revoked: true };

    public bool IsPending => State == Achievements.AwardStates.PendingApproval;

    public bool IsRevoked => State == Achievements.AwardStates.Revoked || Credential is { Revoked: true };
}

/// <summary>The public id of an issued credential and what can be done with it.</summary>
public sealed record LearnerCredential
{
    public required string PublicId { get; init; }
    public bool HasJsonLd { get; init; }
    public bool HasJwt { get; init; }
    public bool Revoked { get; init; }

    /// <summary>The public verification page.</summary>
    public required Uri PageUrl { get; init; }

    /// <summary>"Add to LinkedIn profile" for this credential.</summary>
    public required Uri LinkedInUrl { get; init; }

    public string VerifyPath => "/credentials/" + PublicId;
    public string PngPath => "/credentials/" + PublicId + ".png";
    public string JsonPath => "/credentials/" + PublicId + ".json";
    public string JwtPath => "/credentials/" + PublicId + ".jwt";
}
