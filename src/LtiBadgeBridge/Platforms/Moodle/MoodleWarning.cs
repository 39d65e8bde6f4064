namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>A warning a Moodle function returned beside its data (e.g. no access to one course).</summary>
public sealed record MoodleWarning
{
    public string? Item { get; init; }

    public long? ItemId { get; init; }

    public string? WarningCode { get; init; }

    public string? Message { get; init; }
}
