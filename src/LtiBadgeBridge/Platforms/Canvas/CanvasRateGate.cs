namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>
/// The request gate and quota estimate for one Canvas host, shared by every client of that host in the
/// process: it bounds the requests in flight and, from the last <c>X-Rate-Limit-Remaining</c> seen plus
/// the drain since, says how long to wait before the next request.
/// </summary>
public sealed class CanvasRateGate : IDisposable
{
    private readonly Lock sync = new();
    private readonly TimeProvider timeProvider;
    private readonly CanvasOptions options;
    private double? lastRemaining;
    private long lastObservedAt;

    public CanvasRateGate(CanvasOptions options, TimeProvider timeProvider)
    {
        this.options = options;
        this.timeProvider = timeProvider;
        Slots = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
    }

    /// <summary>The requests in flight.</summary>
    public SemaphoreSlim Slots { get; }

    /// <summary>The estimated remaining quota now, or null before the first response.</summary>
    public double? EstimatedRemaining()
    {
        lock (sync)
        {
            if (lastRemaining is not { } remaining)
            {
                return null;
            }

            var elapsed = timeProvider.GetElapsedTime(lastObservedAt).TotalSeconds;
            return Math.Min(options.BucketCapacity, remaining + (elapsed * options.DrainPerSecond));
        }
    }

    /// <summary>How long to wait before sending so that the request cannot fill the bucket.</summary>
    public TimeSpan DelayBeforeSend()
    {
        if (!options.PaceByRemainingQuota || EstimatedRemaining() is not { } remaining)
        {
            return TimeSpan.Zero;
        }

        // Room for every request in flight to reserve its up-front cost, plus a margin; never more than the bucket.
        var needed = Math.Min(
            (options.UpFrontCost * options.MaxConcurrentRequests) + options.SafetyMargin,
            options.BucketCapacity - options.SafetyMargin);
        return remaining >= needed ? TimeSpan.Zero : TimeSpan.FromSeconds((needed - remaining) / options.DrainPerSecond);
    }

    /// <summary>
    /// Records the quota Canvas reported with a response. A remaining of zero may hide an overdraft (the
    /// request's cost can push the bucket past its mark), so zero counts as minus the request's cost.
    /// </summary>
    public void Observe(double remaining, double? requestCost)
    {
        lock (sync)
        {
            lastRemaining = remaining > 0 ? remaining : -Math.Max(0, requestCost ?? 0);
            lastObservedAt = timeProvider.GetTimestamp();
        }
    }

    public void Dispose() => Slots.Dispose();
}
