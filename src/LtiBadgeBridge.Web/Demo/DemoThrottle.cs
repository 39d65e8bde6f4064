using System.Globalization;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>Canvas's leaky bucket, reported but never enforced: each REST request adds its cost, the bucket
/// drains 10 units a second, and the response says how much quota is left (<c>X-Rate-Limit-Remaining</c>)
/// and what the request cost (<c>X-Request-Cost</c>).</summary>
internal sealed class DemoThrottle(TimeProvider timeProvider)
{
    private const double Capacity = 700;
    private const double DrainPerSecond = 10;
    private readonly Lock gate = new();
    private double level;
    private DateTimeOffset last = timeProvider.GetUtcNow();

    public void Charge(HttpContext http)
    {
        var cost = 1 + (http.Request.Query.Count * 0.25);
        double remaining;
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            level = Math.Max(0, level - ((now - last).TotalSeconds * DrainPerSecond)) + cost;
            last = now;
            remaining = Math.Max(0, Capacity - level);
        }

        http.Response.Headers["X-Rate-Limit-Remaining"] = remaining.ToString("0.0###", CultureInfo.InvariantCulture);
        http.Response.Headers["X-Request-Cost"] = cost.ToString("0.0###", CultureInfo.InvariantCulture);
    }
}
