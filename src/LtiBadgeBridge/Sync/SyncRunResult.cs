namespace LtiBadgeBridge.Sync;

/// <summary>How a sync run ended, with a stable code and a plain message for people.</summary>
public sealed record SyncRunResult
{
    public required SyncOutcome Outcome { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>For <see cref="SyncOutcome.Retry"/>: how long to wait, when the LMS said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Snapshot rows inserted or changed by this run.</summary>
    public int ChangedRows { get; init; }

    public static SyncRunResult Busy { get; } = new()
    {
        Outcome = SyncOutcome.Busy,
        Code = SyncErrorCodes.AlreadyRunning,
        Message = "Another sync of this course is running.",
    };
}

/// <summary>The ways a sync run ends.</summary>
public enum SyncOutcome
{
    Succeeded,

    /// <summary>Another run holds the course's lease; nothing was done.</summary>
    Busy,

    /// <summary>A transient failure; a later run resumes from the checkpoint.</summary>
    Retry,

    /// <summary>Needs a person (reconnect, permissions, configuration); not retried automatically.</summary>
    Paused,

    /// <summary>The course is gone from the LMS; never synced again.</summary>
    Stopped,
}

/// <summary>Stable codes of sync failures that are not an LMS client's own codes.</summary>
public static class SyncErrorCodes
{
    public const string AlreadyRunning = "sync.already_running";
    public const string CourseUnknown = "sync.course_unknown";
    public const string NotConfigured = "sync.not_configured";
    public const string NotConnected = "sync.not_connected";
    public const string ReconnectRequired = "sync.reconnect_required";
    public const string NoLmsCourseId = "sync.no_lms_course_id";
    public const string Cancelled = "sync.cancelled";
    public const string Internal = "sync.internal";
}
