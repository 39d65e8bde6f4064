using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Lti.Keys;

/// <summary>Platform key sets fetched over HTTP and cached per URL, honouring <c>Cache-Control: max-age</c>
/// within bounds. An unknown kid causes at most one refetch per <see cref="PlatformKeySetCacheOptions.MinRefreshInterval"/>,
/// shared by every concurrent caller (single flight). Register as a singleton.</summary>
public sealed class PlatformKeySetCache : IPlatformKeyResolver
{
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly PlatformKeySetCacheOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public PlatformKeySetCache(
        HttpClient httpClient, TimeProvider timeProvider, PlatformKeySetCacheOptions? options = null, ILogger<PlatformKeySetCache>? logger = null)
    {
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _options = options ?? new PlatformKeySetCacheOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public async Task<LtiResult<SecurityKey>> ResolveKeyAsync(Uri jwksUri, string kid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jwksUri);
        var entry = _entries.GetOrAdd(jwksUri.AbsoluteUri, _ => new Entry());
        var now = _timeProvider.GetUtcNow();
        var snapshot = entry.Current;

        if (snapshot is null || snapshot.ExpiresAt <= now)
        {
            // Missing or expired: fetch (shared). A failed fetch falls back to the stale snapshot.
            snapshot = await FetchSharedAsync(entry, jwksUri, onlyIfRefreshDue: snapshot is not null, cancellationToken) ?? snapshot;
            if (snapshot is null)
            {
                return LtiResult<SecurityKey>.Fail(LtiErrorCodes.KeySetUnavailable, "The platform key set could not be fetched.");
            }
        }

        if (snapshot.Keys.TryGetValue(kid, out var key))
        {
            return LtiResult<SecurityKey>.Ok(key);
        }

        // Unknown kid: the platform may have rotated. One rate-limited, shared refetch.
        var refreshed = await FetchSharedAsync(entry, jwksUri, onlyIfRefreshDue: true, cancellationToken);
        if (refreshed is not null && refreshed.Keys.TryGetValue(kid, out key))
        {
            return LtiResult<SecurityKey>.Ok(key);
        }

        return LtiResult<SecurityKey>.Fail(LtiErrorCodes.KidUnknown, "The token's kid is not in the platform key set.");
    }

    /// <summary>Drops every cached key set (for admin actions and tests).</summary>
    public void Clear() => _entries.Clear();

    private async Task<Snapshot?> FetchSharedAsync(Entry entry, Uri jwksUri, bool onlyIfRefreshDue, CancellationToken cancellationToken)
    {
        Task<Snapshot?> fetch;
        lock (entry.Gate)
        {
            if (entry.InFlight is { } running)
            {
                fetch = running;
            }
            else
            {
                var now = _timeProvider.GetUtcNow();
                if (onlyIfRefreshDue && entry.LastFetchStarted is { } last && now - last < _options.MinRefreshInterval)
                {
                    return null;
                }

                entry.LastFetchStarted = now;
                fetch = FetchAndStoreAsync(entry, jwksUri);
                entry.InFlight = fetch;
            }
        }

        return await fetch.WaitAsync(cancellationToken);
    }

    private async Task<Snapshot?> FetchAndStoreAsync(Entry entry, Uri jwksUri)
    {
        await Task.Yield(); // Leave the lock-holding caller before doing I/O.
        try
        {
            var snapshot = await FetchAsync(jwksUri);
            if (snapshot is not null)
            {
                entry.Current = snapshot;
            }

            return snapshot;
        }
        finally
        {
            lock (entry.Gate)
            {
                entry.InFlight = null;
            }
        }
    }

    private async Task<Snapshot?> FetchAsync(Uri jwksUri)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.FetchTimeout, _timeProvider);
            using var request = new HttpRequestMessage(HttpMethod.Get, jwksUri);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LtiLog.KeySetFetchFailed(_logger, jwksUri, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            var body = await HttpContentReader.ReadLimitedAsync(response.Content, _options.MaxResponseBytes, timeout.Token);
            if (body is null)
            {
                LtiLog.KeySetFetchFailed(_logger, jwksUri, "response too large");
                return null;
            }

            var keys = ParseKeys(System.Text.Encoding.UTF8.GetString(body));
            if (keys is null)
            {
                LtiLog.KeySetFetchFailed(_logger, jwksUri, "not a key set");
                return null;
            }

            var lifetime = Lifetime(response);
            LtiLog.KeySetFetched(_logger, jwksUri, keys.Count, lifetime);
            return new Snapshot(keys, _timeProvider.GetUtcNow() + lifetime);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            LtiLog.KeySetFetchFailed(_logger, jwksUri, e.GetType().Name);
            return null;
        }
    }

    private static Dictionary<string, SecurityKey>? ParseKeys(string json)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (string.IsNullOrEmpty(key.Kid) || (key.Use is { Length: > 0 } use && use != "sig"))
            {
                continue;
            }

            if (key.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve)
            {
                keys.TryAdd(key.Kid, key);
            }
        }

        return keys;
    }

    private TimeSpan Lifetime(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        TimeSpan lifetime;
        if (cacheControl is null)
        {
            lifetime = _options.DefaultLifetime;
        }
        else if (cacheControl.NoStore || cacheControl.NoCache)
        {
            lifetime = _options.MinLifetime;
        }
        else
        {
            lifetime = cacheControl.MaxAge ?? _options.DefaultLifetime;
        }

        return lifetime < _options.MinLifetime ? _options.MinLifetime : lifetime > _options.MaxLifetime ? _options.MaxLifetime : lifetime;
    }

    private sealed record Snapshot(Dictionary<string, SecurityKey> Keys, DateTimeOffset ExpiresAt);

    private sealed class Entry
    {
        public readonly Lock Gate = new();

        public volatile Snapshot? Current;

        public Task<Snapshot?>? InFlight;

        public DateTimeOffset? LastFetchStarted;
    }
}
