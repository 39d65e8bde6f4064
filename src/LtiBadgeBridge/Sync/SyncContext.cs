using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms;

namespace LtiBadgeBridge.Sync;

/// <summary>One run of one course's sync: the course, where it resumes, and the rows it changed so far.</summary>
internal sealed class SyncContext
{
    public required Course Course { get; init; }

    public required SyncCheckpoint Checkpoint { get; set; }

    public required TimeSpan Lease { get; init; }

    public int ChangedRows { get; set; }

    /// <summary>
    /// The first optional part of the data the LMS refused (e.g. rubric levels without the grading-form
    /// capability): the run still succeeds, and the status shows this in plain words.
    /// </summary>
    public PlatformError? Warning { get; private set; }

    /// <summary>Records an optional part that could not be read (the first one wins).</summary>
    public void Warn(PlatformError error) => Warning ??= error;

    public long PlatformId => Course.PlatformId;

    public long CourseId => Course.Id;

    /// <summary>True when the checkpoint is in <paramref name="phase"/>.</summary>
    public bool IsAt(string phase) => string.Equals(Checkpoint.Phase, phase, StringComparison.Ordinal);

    /// <summary>Moves to the start of <paramref name="phase"/>.</summary>
    public SyncCheckpoint StartOf(string phase) => Checkpoint with { Phase = phase, NextUrl = null, NextPage = 1, NextIndex = 0 };
}
