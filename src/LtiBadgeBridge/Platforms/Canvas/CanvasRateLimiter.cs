using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>The <see cref="CanvasRateGate"/> of each Canvas host (scheme, host and port), one per process.</summary>
public sealed class CanvasRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<string, CanvasRateGate> gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly CanvasOptions options;
    private readonly TimeProvider timeProvider;

    public CanvasRateLimiter(IOptions<CanvasOptions> options, TimeProvider timeProvider)
    {
        this.options = options.Value;
        this.timeProvider = timeProvider;
    }

    public CanvasRateGate GateFor(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        return gates.GetOrAdd(requestUri.GetLeftPart(UriPartial.Authority), _ => new CanvasRateGate(options, timeProvider));
    }

    public void Dispose()
    {
        foreach (var gate in gates.Values)
        {
            gate.Dispose();
        }
    }
}
