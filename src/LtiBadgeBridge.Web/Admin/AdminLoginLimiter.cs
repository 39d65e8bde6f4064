using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Admin;

/// <summary>
/// Limits operator login attempts against guessing: <see cref="AdminOptions.LoginAttemptsPerWindow"/> per client
/// address per window, and ten times that for all clients together (a spread-out guess is slowed too).
/// </summary>
public sealed class AdminLoginLimiter : IDisposable
{
    private const string Everyone = "*";
    private readonly PartitionedRateLimiter<string> _limiter;

    public AdminLoginLimiter(IOptions<AdminOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var perClient = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => Window(settings.LoginAttemptsPerWindow, settings.LoginWindow)));
        var overall = PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetFixedWindowLimiter(Everyone, _ => Window(settings.LoginAttemptsPerWindow * 10, settings.LoginWindow)));
        _limiter = PartitionedRateLimiter.CreateChained(perClient, overall);
    }

    /// <summary>Takes one attempt for <paramref name="client"/>; false when it must wait (<paramref name="retryAfter"/>).</summary>
    public bool TryAcquire(string client, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(client);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
