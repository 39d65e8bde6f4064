using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>The demo course's module and what Deep Linking put in it: the items the tool returned, the deep linking
/// requests still open (their one-time <c>data</c>) and the response nonces already seen.</summary>
internal sealed class DemoModules(TimeProvider timeProvider)
{
    /// <summary>How long the instructor has to pick in the tool before the request's <c>data</c> expires.</summary>
    public static readonly TimeSpan RequestLifetime = TimeSpan.FromMinutes(30);

    public const string ModuleName = "Week 10: Badges";

    private readonly ConcurrentDictionary<long, DemoModuleItem> items = new();
    private readonly ConcurrentDictionary<string, DemoDeepLinkRequest> requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> nonces = new(StringComparer.Ordinal);
    private long nextId = 700;

    public IReadOnlyList<DemoModuleItem> Items => [.. items.Values.OrderBy(i => i.Id)];

    public DemoModuleItem? Find(long id) => items.GetValueOrDefault(id);

    public DemoModuleItem Add(DemoModuleItem item)
    {
        var id = Interlocked.Increment(ref nextId);
        var stored = item with { Id = id };
        items[id] = stored;
        return stored;
    }

    /// <summary>Opens a deep linking request for <paramref name="userId"/>; returns its one-time <c>data</c> value.</summary>
    public string OpenRequest(long userId)
    {
        var data = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        requests[data] = new DemoDeepLinkRequest(userId, timeProvider.GetUtcNow() + RequestLifetime);
        return data;
    }

    /// <summary>Closes the request whose <c>data</c> the response echoed; null when unknown, used or expired.</summary>
    public DemoDeepLinkRequest? CloseRequest(string? data) =>
        data is not null && requests.TryRemove(data, out var request) && request.ExpiresAt > timeProvider.GetUtcNow() ? request : null;

    /// <summary>Records a response nonce; false when it was seen before (a replayed response).</summary>
    public bool TryUseNonce(string nonce, DateTimeOffset expiresAt)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var stale in nonces.Where(n => n.Value < now).Select(n => n.Key).ToList())
        {
            nonces.TryRemove(stale, out _);
        }

        return nonces.TryAdd(nonce, expiresAt);
    }
}

/// <summary>An open deep linking request: who asked, until when.</summary>
internal sealed record DemoDeepLinkRequest(long UserId, DateTimeOffset ExpiresAt);

/// <summary>A module item made from an <c>ltiResourceLink</c> content item: it launches the tool as a resource link.</summary>
internal sealed record DemoModuleItem
{
    public long Id { get; init; }

    public required string Title { get; init; }

    public string? Text { get; init; }

    public required Uri Url { get; init; }

    /// <summary>The resource link id launches of this item carry (Canvas: a hash per link).</summary>
    public required string ResourceLinkId { get; init; }

    public IReadOnlyDictionary<string, string> Custom { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The gradebook column created with the item, if the tool asked for one.</summary>
    public long? LineItemId { get; init; }
}
