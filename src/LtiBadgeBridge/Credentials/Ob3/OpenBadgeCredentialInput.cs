using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.StatusList;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>Everything needed to build one OpenBadgeCredential for one award.</summary>
public sealed record OpenBadgeCredentialInput
{
    /// <summary>The credential id: <see cref="CredentialIds.ForAward"/> or a stable URL.</summary>
    public required string Id { get; init; }

    public required IssuerProfile Issuer { get; init; }

    public required AchievementDefinition Achievement { get; init; }

    public required LearnerIdentity Learner { get; init; }

    /// <summary>When the achievement was earned (awardedDate); also validFrom unless <see cref="ValidFrom"/> is set.</summary>
    public required DateTimeOffset AwardedAt { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Only when the achievement really expires; employers asked for none by default.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Credential name; defaults to the achievement name.</summary>
    public string? Name { get; init; }

    /// <summary>Credential-specific image (e.g. the baked image URL).</summary>
    public Uri? Image { get; init; }

    public IReadOnlyList<AwardResult> Results { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Credits earned by the learner (creditsEarned).</summary>
    public decimal? CreditsEarned { get; init; }

    public StatusListEntry? Status { get; init; }

    /// <summary>Endorsements of this credential, embedded as-is.</summary>
    public IReadOnlyList<JsonObject> Endorsements { get; init; } = [];

    /// <summary>
    /// URL where the micro-credential extension context is served; null to keep to the bundled contexts only
    /// (EU elements then appear in the criteria narrative alone).
    /// </summary>
    public Uri? MicroCredentialContextUrl { get; init; }
}

/// <summary>The learner as the credential names them. No plain email or name is written.</summary>
public sealed record LearnerIdentity
{
    /// <summary>credentialSubject.id: stable per registration, see <see cref="CredentialIds.ForLearner"/>.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Email when the platform shares it; written only as a salted SHA-256 hash.</summary>
    public string? Email { get; init; }

    /// <summary>The LTI user id (<c>sub</c> of the launch); written as a salted hash (identityType ltiUserId).</summary>
    public string? LtiUserId { get; init; }

    /// <summary>Salt of the identity hashes (random per learner, stored with the award).</summary>
    public required string Salt { get; init; }
}

/// <summary>An OB 3.0 <c>Result</c> the learner achieved.</summary>
public sealed record AwardResult
{
    /// <summary>Id of the <see cref="ResultDescriptionDefinition"/> this result is for.</summary>
    public required string ResultDescriptionId { get; init; }

    /// <summary>Grade achieved, e.g. "86" for a Percent, "A" for a LetterGrade.</summary>
    public string? Value { get; init; }

    /// <summary>Id of the rubric level achieved.</summary>
    public string? AchievedLevel { get; init; }

    /// <summary>ResultStatusType, e.g. "Completed".</summary>
    public string? Status { get; init; }
}

/// <summary>An OB 3.0 <c>Evidence</c> item: a learner artifact an employer can look at.</summary>
public sealed record EvidenceItem
{
    /// <summary>URL of the artifact (repository, submission page) or a data: URI.</summary>
    public required Uri Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Narrative { get; init; }

    /// <summary>e.g. "Capstone project", "Source code".</summary>
    public string? Genre { get; init; }

    public string? Audience { get; init; }
}
