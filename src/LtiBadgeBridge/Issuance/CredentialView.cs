using LtiBadgeBridge.Credentials.Verification;

namespace LtiBadgeBridge.Issuance;

/// <summary>What the public verification page shows about one credential.</summary>
public sealed record CredentialView
{
    public required CredentialRecord Record { get; init; }
    public required CredentialStanding Standing { get; init; }
    public IReadOnlyList<CredentialProblem> Problems { get; init; } = [];
    public required string IssuerName { get; init; }
    public string? IssuerUrl { get; init; }

    /// <summary>Only when the learner chose to show it.</summary>
    public string? LearnerName { get; init; }

    public required string AchievementName { get; init; }
    public string? AchievementDescription { get; init; }
    public string? Criteria { get; init; }
    public string? AchievementImage { get; init; }
    public required DateTimeOffset EarnedAt { get; init; }
    public IReadOnlyList<SkillView> Skills { get; init; } = [];
    public IReadOnlyList<EvidenceView> Evidence { get; init; } = [];
    public required Uri PageUrl { get; init; }
    public required Uri LinkedInUrl { get; init; }
}

public sealed record SkillView(string Name, string? Framework, string? Code, string? Url);

public sealed record EvidenceView(string Url, string Name, string? Description);
