namespace LtiBadgeBridge.Lti.Keys;

/// <summary>Caching bounds for platform key sets.</summary>
public sealed class PlatformKeySetCacheOptions
{
    /// <summary>Used when the response has no usable <c>Cache-Control: max-age</c>.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan MinLifetime { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An unknown kid triggers a refetch only if the last fetch started at least this long ago.</summary>
    public TimeSpan MinRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxResponseBytes { get; set; } = 512 * 1024;
}
