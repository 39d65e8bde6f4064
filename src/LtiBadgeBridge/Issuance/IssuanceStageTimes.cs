using System.Diagnostics;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Where issuance spends its time, summed over every batch of a process (Stopwatch ticks; a few timestamps per
/// batch). The benchmark prints it; it answers "database or CPU?" without a profiler.
/// </summary>
public sealed class IssuanceStageTimes
{
    private long _load;
    private long _prepare;
    private long _sign;
    private long _store;
    private long _batches;

    /// <summary>Awards and existing credentials read.</summary>
    public TimeSpan Load => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _load));

    /// <summary>Issuer profile, keys, status slots and endorsements of each platform.</summary>
    public TimeSpan Prepare => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _prepare));

    /// <summary>Map, build and sign (wall clock of the parallel loop).</summary>
    public TimeSpan Sign => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _sign));

    /// <summary>Insert, mark the intents processed, commit.</summary>
    public TimeSpan Store => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _store));

    public long Batches => Volatile.Read(ref _batches);

    internal void AddLoad(long since) => Interlocked.Add(ref _load, Stopwatch.GetTimestamp() - since);

    internal void AddPrepare(long since) => Interlocked.Add(ref _prepare, Stopwatch.GetTimestamp() - since);

    internal void AddSign(long since) => Interlocked.Add(ref _sign, Stopwatch.GetTimestamp() - since);

    internal void AddStore(long since)
    {
        Interlocked.Add(ref _store, Stopwatch.GetTimestamp() - since);
        Interlocked.Increment(ref _batches);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _load, 0);
        Interlocked.Exchange(ref _prepare, 0);
        Interlocked.Exchange(ref _sign, 0);
        Interlocked.Exchange(ref _store, 0);
        Interlocked.Exchange(ref _batches, 0);
    }
}
