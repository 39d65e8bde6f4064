using System.Net;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Platforms.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>Registers the Canvas REST and OAuth2 clients.</summary>
public static class CanvasServiceCollectionExtensions
{
    public const string HttpClientName = "LtiBadgeBridge.Canvas";
    public const string OAuthHttpClientName = "LtiBadgeBridge.Canvas.OAuth";

    /// <summary>
    /// Adds <see cref="ICanvasClientFactory"/> and <see cref="ICanvasOAuthClient"/>, bound to the
    /// <c>Platforms:Canvas</c> configuration section, then <paramref name="configure"/>. Requests go
    /// User-Agent -> throttle (gate, pacing, 403/429 backoff) -> standard resilience (5xx retries,
    /// timeouts, circuit breaker) -> network.
    /// </summary>
    public static IServiceCollection AddCanvasClient(this IServiceCollection services, Action<CanvasOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<CanvasOptions>()
            .BindConfiguration(CanvasOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CanvasRateLimiter>();
        services.TryAddTransient<CanvasThrottleHandler>();
        services.TryAddSingleton<ICanvasClientFactory, CanvasClientFactory>();
        services.TryAddSingleton<ICanvasOAuthClient, CanvasOAuthClient>();

        services.AddHttpClient(HttpClientName)
            .AddHttpMessageHandler(sp => new UserAgentHandler(sp.GetRequiredService<IOptions<CanvasOptions>>().Value.UserAgent))
            .AddHttpMessageHandler<CanvasThrottleHandler>()
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => ConfigureResilience(resilience, sp.GetRequiredService<IOptions<CanvasOptions>>().Value))
            .SelectPipelineByAuthority(); // one institution's outage never opens the circuit for another

        // Token calls are not retried: an authorisation code is single-use.
        services.AddHttpClient(OAuthHttpClientName)
            .AddHttpMessageHandler(sp => new UserAgentHandler(sp.GetRequiredService<IOptions<CanvasOptions>>().Value.UserAgent));

        return services;
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, CanvasOptions options)
    {
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxTransientRetries);
        resilience.Retry.Delay = options.TransientRetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            options.MaxTransientRetries > 0 && IsTransient(args.Outcome));
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = (options.AttemptTimeout * (options.MaxTransientRetries + 1)) + TimeSpan.FromMinutes(1);
        resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome));
    }

    // Throttling (403/429) is the throttle handler's job, so it is not a transient failure here.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests &&
        HttpClientResiliencePredicates.IsTransient(outcome);
}
