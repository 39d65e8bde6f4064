using System.Collections.Concurrent;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>The AGS side of the demo course: line items the tool created and the scores it posted.</summary>
internal sealed class DemoGradebook
{
    private readonly ConcurrentDictionary<long, DemoLineItem> lineItems = new();
    private readonly ConcurrentDictionary<(long LineItemId, string UserId), DemoScore> scores = new();
    private long nextId = 30_000;

    public IReadOnlyList<DemoLineItem> LineItems => [.. lineItems.Values.OrderBy(l => l.Id)];

    public DemoLineItem? Find(long id) => lineItems.GetValueOrDefault(id);

    public DemoLineItem Add(DemoLineItem item)
    {
        var stored = item with { Id = Interlocked.Increment(ref nextId) };
        lineItems[stored.Id] = stored;
        return stored;
    }

    public DemoLineItem? Update(long id, DemoLineItem changes)
    {
        if (!lineItems.ContainsKey(id))
        {
            return null;
        }

        var stored = changes with { Id = id };
        lineItems[id] = stored;
        return stored;
    }

    public bool Remove(long id)
    {
        foreach (var key in scores.Keys.Where(k => k.LineItemId == id))
        {
            scores.TryRemove(key, out _);
        }

        return lineItems.TryRemove(id, out _);
    }

    /// <summary>Stores a score unless an equal or newer one is there (AGS: older timestamps are ignored).</summary>
    public bool Post(long lineItemId, DemoScore score)
    {
        var key = (lineItemId, score.UserId);
        while (true)
        {
            if (!scores.TryGetValue(key, out var existing))
            {
                if (scores.TryAdd(key, score))
                {
                    return true;
                }

                continue;
            }

            if (existing.Timestamp >= score.Timestamp)
            {
                return false;
            }

            if (scores.TryUpdate(key, score, existing))
            {
                return true;
            }
        }
    }

    public IReadOnlyList<DemoScore> ScoresOf(long lineItemId) =>
        [.. scores.Where(s => s.Key.LineItemId == lineItemId).Select(s => s.Value).OrderBy(s => s.UserId, StringComparer.Ordinal)];

    public DemoScore? ScoreOf(long lineItemId, string userId) => scores.GetValueOrDefault((lineItemId, userId));
}

/// <summary>An AGS line item.</summary>
internal sealed record DemoLineItem
{
    public long Id { get; init; }
    public required string Label { get; init; }
    public required double ScoreMaximum { get; init; }
    public string? ResourceId { get; init; }
    public string? Tag { get; init; }
    public string? ResourceLinkId { get; init; }
    public DateTimeOffset? StartDateTime { get; init; }
    public DateTimeOffset? EndDateTime { get; init; }
}

/// <summary>An AGS score as posted by the tool.</summary>
internal sealed record DemoScore
{
    public required string UserId { get; init; }
    public double? ScoreGiven { get; init; }
    public double? ScoreMaximum { get; init; }
    public string? Comment { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string ActivityProgress { get; init; }
    public required string GradingProgress { get; init; }
}
