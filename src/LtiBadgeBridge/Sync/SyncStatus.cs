namespace LtiBadgeBridge.Sync;

/// <summary>A course's sync progress, as the status endpoint and the instructor page show it.</summary>
public sealed record SyncStatus
{
    public required long CourseId { get; init; }

    public long PlatformId { get; init; }

    /// <summary><c>idle</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c>, <c>paused</c> or <c>stopped</c>.</summary>
    public string Status { get; init; } = SyncStates.Idle;

    public string? Phase { get; init; }

    public int PagesDone { get; init; }

    public int ItemsDone { get; init; }

    public string? Checkpoint { get; init; }

    public string? LastError { get; init; }

    public string? LastErrorCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>0-100 from the phase reached (each phase is an equal share); 100 when the last run succeeded.</summary>
    public int Percent => Status == SyncStates.Succeeded ? 100 : SyncPhases.PercentOf(Phase);
}

/// <summary>The states of <c>sync_runs.status</c>.</summary>
public static class SyncStates
{
    public const string Idle = "idle";
    public const string Running = "running";
    public const string Succeeded = "succeeded";

    /// <summary>Failed; a later run (retry, schedule or on demand) tries again from the checkpoint.</summary>
    public const string Failed = "failed";

    /// <summary>Needs a person (reconnect the course, fix permissions); scheduled runs skip it.</summary>
    public const string Paused = "paused";

    /// <summary>The course is gone from the LMS; never synced again.</summary>
    public const string Stopped = "stopped";
}

/// <summary>The phases of a course sync, in order.</summary>
public static class SyncPhases
{
    public const string Course = "course";
    public const string Roster = "roster";
    public const string Items = "items";
    public const string Submissions = "submissions";
    public const string GradedSubmissions = "graded-submissions";
    public const string Outcomes = "outcomes";
    public const string Totals = "totals";
    public const string Done = "done";

    private static readonly string[] Order = [Course, Roster, Items, Submissions, GradedSubmissions, Outcomes, Totals, Done];

    public static int PercentOf(string? phase)
    {
        var index = phase is null ? 0 : Array.IndexOf(Order, phase);
        return index <= 0 ? 0 : index * 100 / (Order.Length - 1);
    }
}
