namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>Builds <see cref="IMoodleClient"/>s on the named HTTP client registered by <see cref="MoodleServiceCollectionExtensions.AddMoodleClient"/>.</summary>
internal sealed class MoodleClientFactory : IMoodleClientFactory
{
    private readonly IHttpClientFactory httpClientFactory;

    public MoodleClientFactory(IHttpClientFactory httpClientFactory) => this.httpClientFactory = httpClientFactory;

    public IMoodleClient Create(Uri siteUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (!siteUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The Moodle site URL must be absolute.", nameof(siteUrl));
        }

        // Keep a sub-path install (https://host/moodle) by making the root end with a slash.
        var root = siteUrl.AbsoluteUri.EndsWith('/') ? siteUrl : new Uri(siteUrl.AbsoluteUri + "/");
        var http = httpClientFactory.CreateClient(MoodleServiceCollectionExtensions.HttpClientName);
        http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
        return new MoodleClient(http, root, token);
    }
}
