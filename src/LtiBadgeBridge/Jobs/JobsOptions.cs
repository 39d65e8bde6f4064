using System.ComponentModel.DataAnnotations;

namespace LtiBadgeBridge.Jobs;

/// <summary>Background job settings. Bound from the <c>Jobs</c> section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Concurrent jobs per worker process.</summary>
    [Range(1, 200, ErrorMessage = "Jobs:WorkerCount must be between 1 and 200.")]
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>How often a PostgreSQL worker polls for jobs enqueued by other processes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Jobs:QueuePollInterval must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cron schedule of the reconciliation job that re-derives pending work from the database.</summary>
    [Required(ErrorMessage = "Jobs:ReconcileCron is required, e.g. '*/5 * * * *'.")]
    public string ReconcileCron { get; set; } = "*/5 * * * *";

    /// <summary>Retries of a failing job before it is left failed (with growing delays).</summary>
    [Range(0, 20, ErrorMessage = "Jobs:RetryAttempts must be between 0 and 20.")]
    public int RetryAttempts { get; set; } = 5;

    /// <summary>The PostgreSQL schema Hangfire's tables live in.</summary>
    [Required(ErrorMessage = "Jobs:Schema is required (e.g. 'hangfire').")]
    public string Schema { get; set; } = "hangfire";
}
