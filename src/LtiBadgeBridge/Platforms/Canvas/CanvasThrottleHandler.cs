using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>
/// Keeps a Canvas client within Canvas's leaky bucket: bounds the requests in flight per host, waits when
/// the remaining quota is low, and backs off and retries on 403 "Rate Limit Exceeded" and 429
/// (honouring <c>Retry-After</c>), a bounded number of times. Sits outside the transient-retry handler,
/// so waiting for quota never counts against an attempt's timeout.
/// </summary>
public sealed partial class CanvasThrottleHandler : DelegatingHandler
{
    public const string RemainingHeader = "X-Rate-Limit-Remaining";
    public const string CostHeader = "X-Request-Cost";

    private readonly CanvasRateLimiter limiter;
    private readonly CanvasOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<CanvasThrottleHandler> logger;

    public CanvasThrottleHandler(
        CanvasRateLimiter limiter,
        IOptions<CanvasOptions> options,
        TimeProvider timeProvider,
        ILogger<CanvasThrottleHandler> logger)
    {
        this.limiter = limiter;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var gate = limiter.GateFor(request.RequestUri ?? throw new InvalidOperationException("A Canvas request needs an absolute URI."));
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            await gate.Slots.WaitAsync(cancellationToken);
            try
            {
                var delay = gate.DelayBeforeSend();
                if (delay > TimeSpan.Zero)
                {
                    LogPacing(logger, request.RequestUri.Host, delay.TotalMilliseconds);
                    await Task.Delay(delay, timeProvider, cancellationToken);
                }

                response = await base.SendAsync(request, cancellationToken);
                if (ReadDouble(response, RemainingHeader) is { } remaining)
                {
                    gate.Observe(remaining, ReadDouble(response, CostHeader));
                }
            }
            finally
            {
                gate.Slots.Release();
            }

            if (!await IsThrottledAsync(response, cancellationToken))
            {
                return response;
            }

            if (attempt >= options.MaxThrottleRetries)
            {
                LogGaveUp(logger, request.RequestUri.Host, attempt + 1);
                return response;
            }

            var wait = RetryAfter(response) ?? Backoff(attempt);
            LogThrottled(logger, request.RequestUri.Host, (int)response.StatusCode, wait.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    /// <summary>True for 429, and for a 403 whose body says "Rate Limit Exceeded" (Canvas's throttle answer).</summary>
    public static async Task<bool> IsThrottledAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        // The body is small; buffering it keeps it readable for the caller.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("Rate Limit Exceeded", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The wait a throttled response asked for (<c>Retry-After</c> as seconds or a date), if any.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var wait = RetryAfterOf(response, timeProvider);
        return wait is { } value && value > options.MaxThrottleBackoff ? options.MaxThrottleBackoff : wait;
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = options.ThrottleBackoff.Ticks * Math.Pow(2, Math.Min(attempt, 16));
        return ticks >= options.MaxThrottleBackoff.Ticks ? options.MaxThrottleBackoff : TimeSpan.FromTicks((long)ticks);
    }

    private static double? ReadDouble(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) &&
        double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Pacing Canvas requests to {Host}: waiting {DelayMs} ms for quota")]
    private static partial void LogPacing(ILogger logger, string host, double delayMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Canvas {Host} throttled a request ({Status}); retrying in {DelayMs} ms")]
    private static partial void LogThrottled(ILogger logger, string host, int status, double delayMs);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Canvas {Host} still throttled after {Attempts} attempts; giving up on this request")]
    private static partial void LogGaveUp(ILogger logger, string host, int attempts);
}
