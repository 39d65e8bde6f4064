using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Sync;

namespace LtiBadgeBridge.Web.Sync;

/// <summary>A course's sync state in the words the course page and its status JSON use: the phase in plain
/// language, the progress, and for the last error what the instructor can do about it.</summary>
internal sealed record SyncStatusView
{
    public required long CourseId { get; init; }
    public required string Status { get; init; }
    public required bool Running { get; init; }
    public string? Phase { get; init; }
    public required string PhaseLabel { get; init; }
    public required int Percent { get; init; }
    public required int PagesDone { get; init; }
    public required int ItemsDone { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? LastError { get; init; }
    public string? LastErrorCode { get; init; }

    /// <summary>What to do about <see cref="LastError"/>; null when there is none.</summary>
    public string? Advice { get; init; }

    public required string LmsState { get; init; }

    /// <summary>Canvas: whether the course has an OAuth token; null for platforms without OAuth.</summary>
    public bool? Connected { get; init; }

    public static SyncStatusView From(SyncStatus status, string lmsState, bool? connected, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var running = status.Status == SyncStates.Running && status.LeaseUntil is { } lease && lease > now;
        return new SyncStatusView
        {
            CourseId = status.CourseId,
            Status = status.Status == SyncStates.Running && !running ? SyncStates.Failed : status.Status,
            Running = running,
            Phase = status.Phase,
            PhaseLabel = running ? PhaseText(status.Phase) : StatusText(status.Status),
            Percent = status.Percent,
            PagesDone = status.PagesDone,
            ItemsDone = status.ItemsDone,
            LastSuccessAt = status.LastSuccessAt,
            FinishedAt = status.FinishedAt,
            LastError = status.LastError,
            LastErrorCode = status.LastErrorCode,
            Advice = status.LastErrorCode is null ? null : AdviceFor(status.LastErrorCode),
            LmsState = lmsState,
            Connected = connected,
        };
    }

    public static string PhaseText(string? phase) => phase switch
    {
        SyncPhases.Course => "Reading the course",
        SyncPhases.Roster => "Reading the roster",
        SyncPhases.Items => "Reading assignments",
        SyncPhases.Submissions => "Reading submissions",
        SyncPhases.GradedSubmissions => "Reading graded work",
        SyncPhases.Outcomes => "Reading outcome results",
        SyncPhases.Totals => "Reading course totals",
        SyncPhases.Done => "Finishing",
        _ => "Starting",
    };

    public static string StatusText(string status) => status switch
    {
        SyncStates.Idle => "Not synced yet",
        SyncStates.Running => "Syncing",
        SyncStates.Succeeded => "Up to date",
        SyncStates.Failed => "The last sync failed",
        SyncStates.Paused => "Paused: needs your attention",
        SyncStates.Stopped => "Stopped: the course is gone from the LMS",
        _ => status,
    };

    /// <summary>What an instructor can do about a failure with <paramref name="code"/>.</summary>
    public static string AdviceFor(string code) => code switch
    {
        SyncErrorCodes.NotConfigured => "An administrator must first give the tool access to the LMS (a Canvas API developer key or a Moodle web service token). Ask your administrator.",
        SyncErrorCodes.NotConnected or SyncErrorCodes.ReconnectRequired or PlatformErrorCodes.CanvasTokenInvalid or PlatformErrorCodes.CanvasOAuthInvalidGrant =>
            "Connect the course to Canvas again with the button above; the earlier authorisation expired or was withdrawn.",
        PlatformErrorCodes.CanvasNotAuthorized =>
            "The person who connected the course may not read its grades. Connect again as a teacher of this course.",
        PlatformErrorCodes.CanvasCourseNotFound or PlatformErrorCodes.MoodleNotFound =>
            "The LMS no longer finds this course. If it was deleted or reset, there is nothing to sync.",
        SyncErrorCodes.NoLmsCourseId =>
            "The tool does not know the LMS's own id of this course yet. Open the tool once from the course navigation, then sync again.",
        PlatformErrorCodes.MoodleInvalidToken or PlatformErrorCodes.MoodleAccessException or PlatformErrorCodes.MoodleMissingCapability
            or PlatformErrorCodes.MoodleFunctionNotInService or PlatformErrorCodes.CanvasOAuthInvalidClient =>
            "The LMS refused the tool's access. Ask your administrator to check the tool's web service token or developer key.",
        PlatformErrorCodes.CanvasThrottled or PlatformErrorCodes.CanvasTransient or PlatformErrorCodes.MoodleTransient or SyncErrorCodes.Cancelled or SyncErrorCodes.Internal =>
            "This is usually temporary: the sync resumes where it stopped on its next run. You can also press Sync now in a few minutes.",
        SyncErrorCodes.AlreadyRunning => "A sync is already running; wait for it to finish.",
        _ => "Press Sync now to try again. If it keeps failing, tell your administrator the code shown.",
    };
}
