using LtiBadgeBridge.Lti;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>
/// Runs an action between two sync steps, deterministically: on the first outbound LMS request whose path
/// contains the given part, before that request is sent (the steps before it have committed; the step it
/// belongs to has written nothing yet).
/// </summary>
internal sealed class BetweenStepsHook
{
    private readonly string _pathPart;
    private int _calls;

    public BetweenStepsHook(string pathPart) => _pathPart = pathPart;

    public Func<Task<LaunchBinding>>? Before { get; set; }

    /// <summary>What <see cref="Before"/> returned (null until it ran).</summary>
    public Task<LaunchBinding>? Launched { get; private set; }

    public int Calls => Volatile.Read(ref _calls);

    public void Install(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Handler(this)));

    private async Task BeforeAsync(HttpRequestMessage request)
    {
        if (Before is { } before && request.RequestUri?.AbsolutePath.Contains(_pathPart, StringComparison.Ordinal) == true &&
            Interlocked.Increment(ref _calls) == 1)
        {
            Launched = before();
            await Launched;
        }
    }

    private sealed class Handler(BetweenStepsHook hook) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await hook.BeforeAsync(request);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
