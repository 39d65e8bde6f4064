using System.ComponentModel.DataAnnotations;

namespace LtiBadgeBridge.Sync;

/// <summary>Settings of course sync (section <c>Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>Minutes between scheduled syncs of a course whose <c>sync_interval_minutes</c> is not set.</summary>
    [Range(5, 10_080)]
    public int DefaultIntervalMinutes { get; set; } = 360;

    /// <summary>How long a sync holds a course's lease without progress before another run may take over.</summary>
    [Range(1, 1_440)]
    public int LeaseMinutes { get; set; } = 15;

    /// <summary>Incremental reads start this many minutes before the last successful run began (clock skew, late commits).</summary>
    [Range(0, 1_440)]
    public int IncrementalOverlapMinutes { get; set; } = 10;

    /// <summary>The redirect URI registered on the Canvas API developer key; defaults to <c>{PublicBaseUrl}/sync/canvas/callback</c>.</summary>
    public Uri? CanvasRedirectUri { get; set; }

    /// <summary>Cron expression of the recurring job that publishes <c>sync-course</c> for due courses.</summary>
    [Required]
    public string ScheduleCron { get; set; } = "*/5 * * * *";

    internal TimeSpan Lease => TimeSpan.FromMinutes(LeaseMinutes);
}
