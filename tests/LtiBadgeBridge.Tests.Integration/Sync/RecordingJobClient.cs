using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>
/// Records the jobs the outbox nudges would enqueue, without a Hangfire storage: Hangfire's process-wide
/// log provider may belong to a host another test already disposed.
/// </summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<Job> Created { get; } = new();

    public string Create(Job job, IState state)
    {
        Created.Enqueue(job);
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
