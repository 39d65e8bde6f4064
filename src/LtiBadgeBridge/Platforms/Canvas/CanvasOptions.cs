using System.ComponentModel.DataAnnotations;
using LtiBadgeBridge.Platforms.Http;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>
/// Settings of the Canvas REST client (section <c>Platforms:Canvas</c>). The throttle settings mirror
/// Canvas's leaky bucket: a high-water mark of 600 units, a drain of 10 units per second and 50 units
/// reserved up front by every request in flight.
/// </summary>
public sealed class CanvasOptions
{
    public const string SectionName = "Platforms:Canvas";

    /// <summary>Sent on every request; Canvas rejects requests without one.</summary>
    [Required]
    public string UserAgent { get; set; } = PlatformUserAgent.Default;

    /// <summary>Items per page; Canvas's default is 10 and its maximum 100.</summary>
    [Range(1, 100)]
    public int PerPage { get; set; } = 100;

    /// <summary>The most pages followed for one list; past it the list fails with <c>paging.cap_reached</c>.</summary>
    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 10_000;

    /// <summary>Requests in flight per Canvas host. 1 keeps a client sequential, as Canvas asks; more than 2 invites throttling.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRequests { get; set; } = 1;

    /// <summary>Wait before a request when the remaining quota (<c>X-Rate-Limit-Remaining</c>) is low.</summary>
    public bool PaceByRemainingQuota { get; set; } = true;

    /// <summary>Canvas's high-water mark.</summary>
    [Range(1, 100_000)]
    public double BucketCapacity { get; set; } = 600;

    /// <summary>Units Canvas drains from the bucket per second.</summary>
    [Range(0.01, 10_000)]
    public double DrainPerSecond { get; set; } = 10;

    /// <summary>Units a request reserves up front while in flight.</summary>
    [Range(0, 10_000)]
    public double UpFrontCost { get; set; } = 50;

    /// <summary>Quota kept free beyond the up-front reservations of the requests in flight.</summary>
    [Range(0, 10_000)]
    public double SafetyMargin { get; set; } = 25;

    /// <summary>How often a throttled request (403 "Rate Limit Exceeded" or 429) is retried before giving up.</summary>
    [Range(0, 50)]
    public int MaxThrottleRetries { get; set; } = 8;

    /// <summary>First wait after a throttled response without <c>Retry-After</c>; doubles per retry.</summary>
    public TimeSpan ThrottleBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest single wait after a throttled response.</summary>
    public TimeSpan MaxThrottleBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a transient failure (5xx, 408, timeouts, connection errors).</summary>
    [Range(0, 10)]
    public int MaxTransientRetries { get; set; } = 3;

    /// <summary>First wait before retrying a transient failure; grows exponentially with jitter.</summary>
    public TimeSpan TransientRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
