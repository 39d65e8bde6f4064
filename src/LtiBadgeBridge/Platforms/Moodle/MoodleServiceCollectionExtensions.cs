using LtiBadgeBridge.Platforms.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>Registers the Moodle web service client and the token probe.</summary>
public static class MoodleServiceCollectionExtensions
{
    public const string HttpClientName = "LtiBadgeBridge.Moodle";

    /// <summary>
    /// Adds <see cref="IMoodleClientFactory"/> and <see cref="MoodleTokenProbe"/>, bound to the
    /// <c>Platforms:Moodle</c> configuration section, then <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddMoodleClient(this IServiceCollection services, Action<MoodleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<MoodleOptions>()
            .BindConfiguration(MoodleOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMoodleClientFactory, MoodleClientFactory>();
        services.TryAddSingleton<MoodleTokenProbe>();

        services.AddHttpClient(HttpClientName)
            .AddHttpMessageHandler(sp => new UserAgentHandler(sp.GetRequiredService<IOptions<MoodleOptions>>().Value.UserAgent))
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                var options = sp.GetRequiredService<IOptions<MoodleOptions>>().Value;
                resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxTransientRetries);
                resilience.Retry.Delay = options.TransientRetryDelay;
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                // The read functions this client calls are idempotent, so their POSTs are retried too.
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
                    options.MaxTransientRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome));
                resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = (options.AttemptTimeout * (options.MaxTransientRetries + 1)) + TimeSpan.FromMinutes(1);
                resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2;
            })
            .SelectPipelineByAuthority(); // one site's outage never opens the circuit for another

        return services;
    }
}
