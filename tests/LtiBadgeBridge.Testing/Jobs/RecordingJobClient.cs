using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace LtiBadgeBridge.Testing.Jobs;

/// <summary>
/// Stands in for Hangfire's queue where a test drives the handlers itself: records the jobs the outbox
/// nudges would enqueue instead of running them.
/// </summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<Job> Created { get; } = new();

    public string Create(Job job, IState state)
    {
        Created.Enqueue(job);
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
