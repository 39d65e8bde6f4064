namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>One plain-language finding of the token probe, for the admin.</summary>
public sealed record MoodleProbeFinding
{
    /// <summary>A stable code: <c>token_invalid</c>, <c>function_missing</c>, <c>capability_missing</c>, <c>downloads_disabled</c>, <c>probe_failed</c>, <c>ok</c>.</summary>
    public required string Code { get; init; }

    public required MoodleProbeSeverity Severity { get; init; }

    public required string Message { get; init; }

    /// <summary>The web service function concerned, if any.</summary>
    public string? Function { get; init; }

    /// <summary>The capabilities that seem to be missing, if any.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];
}
