using System.Diagnostics;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>
/// Canvas's request throttle as a leaky bucket: it drains continuously; a request arriving while the
/// bucket is at or above the high-water mark is throttled; otherwise it reserves the up-front cost while
/// in flight and pays its actual cost when it completes.
/// </summary>
public sealed class LeakyBucket
{
    private readonly Lock sync = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private double level;
    private double lastDrainSeconds;

    public LeakyBucket(double highWaterMark, double drainPerSecond, double upFrontCost)
    {
        HighWaterMark = highWaterMark;
        DrainPerSecond = drainPerSecond;
        UpFrontCost = upFrontCost;
    }

    public double HighWaterMark { get; }

    public double DrainPerSecond { get; }

    public double UpFrontCost { get; }

    /// <summary>The total cost paid by completed requests.</summary>
    public double UnitsPaid { get; private set; }

    /// <summary>Admits a request (reserving the up-front cost) or refuses it when the bucket is full.</summary>
    public bool TryStart(out double remaining)
    {
        lock (sync)
        {
            Drain();
            if (level >= HighWaterMark)
            {
                remaining = 0;
                return false;
            }

            level += UpFrontCost;
            remaining = Math.Max(0, HighWaterMark - level);
            return true;
        }
    }

    /// <summary>Replaces the reservation by the actual cost; returns the remaining quota.</summary>
    public double Complete(double actualCost)
    {
        lock (sync)
        {
            Drain();
            level = Math.Max(0, level - UpFrontCost + actualCost);
            UnitsPaid += actualCost;
            return Math.Max(0, HighWaterMark - level);
        }
    }

    /// <summary>The remaining quota now.</summary>
    public double Remaining
    {
        get
        {
            lock (sync)
            {
                Drain();
                return Math.Max(0, HighWaterMark - level);
            }
        }
    }

    private void Drain()
    {
        var now = clock.Elapsed.TotalSeconds;
        level = Math.Max(0, level - ((now - lastDrainSeconds) * DrainPerSecond));
        lastDrainSeconds = now;
    }
}
