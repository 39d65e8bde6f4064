namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>What the token probe found about a Moodle token.</summary>
public sealed record MoodleProbeReport
{
    /// <summary>True when Moodle accepted the token at all.</summary>
    public required bool TokenAccepted { get; init; }

    public string? SiteName { get; init; }

    public string? MoodleRelease { get; init; }

    /// <summary>The Moodle user the token acts as.</summary>
    public long? ServiceUserId { get; init; }

    /// <summary>Required functions missing from the token's external service.</summary>
    public IReadOnlyList<string> MissingFunctions { get; init; } = [];

    /// <summary>Capabilities that seem missing, judged from cheap calls against the sample course.</summary>
    public IReadOnlyList<string> MissingCapabilities { get; init; } = [];

    public IReadOnlyList<MoodleProbeFinding> Findings { get; init; } = [];

    /// <summary>True when nothing blocks a sync.</summary>
    public bool IsReady => TokenAccepted && Findings.All(f => f.Severity != MoodleProbeSeverity.Error);
}
