namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>What kind of artifact a learner submitted.</summary>
public enum ArtifactType
{
    File,
    Url,
    Text,
}

/// <summary>
/// A submitted artifact for an item: an uploaded file, a URL, or online text. These become the credential's
/// evidence when an evidence rule matches them.
/// </summary>
public sealed record Artifact
{
    public required string ItemId { get; init; }

    public required ArtifactType Type { get; init; }

    /// <summary>The submitted URL, or the LMS download URL of a file.</summary>
    public string? Url { get; init; }

    public string? FileName { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Bytes for files; characters for text.</summary>
    public long? Size { get; init; }

    public int Attempt { get; init; } = 1;

    public DateTimeOffset? SubmittedAt { get; init; }
}
