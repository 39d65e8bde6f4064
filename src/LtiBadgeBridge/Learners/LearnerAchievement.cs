namespace LtiBadgeBridge.Learners;

/// <summary>One achievement as one learner sees it: what it is, and either their award or their progress.</summary>
public sealed record LearnerAchievement
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>The criteria narrative of the definition.</summary>
    public string? Criteria { get; init; }

    /// <summary>An image the page may show (a <c>data:</c> URI: the definition's own, or a generated badge).</summary>
    public required string ImageDataUri { get; init; }

    /// <summary>Whether the achievement can still be earned (archived ones only show awards already made).</summary>
    public bool Active { get; init; } = true;

    /// <summary>The learner's award, when they have one.</summary>
    public LearnerBadge? Badge { get; init; }

    /// <summary>The learner's last evaluated progress; null when they were not evaluated yet.</summary>
    public LearnerProgress? Progress { get; init; }
}
