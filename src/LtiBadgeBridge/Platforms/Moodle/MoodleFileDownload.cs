namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>What a file download wrote to the caller's stream.</summary>
public sealed record MoodleFileDownload
{
    public string? ContentType { get; init; }

    public required long Length { get; init; }
}
