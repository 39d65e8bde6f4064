using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace LtiBadgeBridge.Tests.Contract.Achievements;

/// <summary>Stands in for Hangfire's queue: records the nudges instead of running them.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    private int _created;

    public int Created => _created;

    public string Create(Job job, IState state)
    {
        Interlocked.Increment(ref _created);
        return Guid.NewGuid().ToString("N");
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
