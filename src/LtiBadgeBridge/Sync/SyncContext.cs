using LtiBadgeBridge.Courses;

namespace LtiBadgeBridge.Sync;

/// <summary>One run of one course's sync: the course, where it resumes, and the rows it changed so far.</summary>
internal sealed class SyncContext
{
    public required Course Course { get; init; }

    public required SyncCheckpoint Checkpoint { get; set; }

    public required TimeSpan Lease { get; init; }

    public int ChangedRows { get; set; }

    public long PlatformId => Course.PlatformId;

    public long CourseId => Course.Id;

    /// <summary>True when the checkpoint is in <paramref name="phase"/>.</summary>
    public bool IsAt(string phase) => string.Equals(Checkpoint.Phase, phase, StringComparison.Ordinal);

    /// <summary>Moves to the start of <paramref name="phase"/>.</summary>
    public SyncCheckpoint StartOf(string phase) => Checkpoint with { Phase = phase, NextUrl = null, NextPage = 1, NextIndex = 0 };
}
