namespace LtiBadgeBridge.Sync;

/// <summary>
/// Where an interrupted sync resumes: the phase and the next page of that phase (null: its first page).
/// Stored as JSON in <c>sync_runs.checkpoint</c>, committed with each page's rows.
/// </summary>
public sealed record SyncCheckpoint
{
    public required string Phase { get; init; }

    /// <summary>The next page's opaque URL (Canvas <c>Link</c> header), or null for the phase's first page.</summary>
    public Uri? NextUrl { get; init; }

    public int NextPage { get; init; } = 1;

    /// <summary>For phases that walk a list rather than pages (Moodle): the next index.</summary>
    public int NextIndex { get; init; }

    /// <summary>When the run began; the next run reads changes since the last successful run's start.</summary>
    public required DateTimeOffset RunStartedAt { get; init; }

    /// <summary>Incremental reads only take changes since this moment; null for a full read.</summary>
    public DateTimeOffset? Since { get; init; }
}
