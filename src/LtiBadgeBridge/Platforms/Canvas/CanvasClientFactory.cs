using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Refit;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>Builds <see cref="ICanvasClient"/>s on the named HTTP client registered by <see cref="CanvasServiceCollectionExtensions.AddCanvasClient"/>.</summary>
internal sealed class CanvasClientFactory : ICanvasClientFactory
{
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(CanvasJson.Options));

    private readonly IHttpClientFactory httpClientFactory;
    private readonly CanvasOptions options;
    private readonly TimeProvider timeProvider;

    public CanvasClientFactory(IHttpClientFactory httpClientFactory, IOptions<CanvasOptions> options, TimeProvider timeProvider)
    {
        this.httpClientFactory = httpClientFactory;
        this.options = options.Value;
        this.timeProvider = timeProvider;
    }

    public ICanvasClient Create(Uri canvasBaseUrl, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(canvasBaseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        if (!canvasBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The Canvas base URL must be absolute.", nameof(canvasBaseUrl));
        }

        var http = httpClientFactory.CreateClient(CanvasServiceCollectionExtensions.HttpClientName);
        http.BaseAddress = new Uri(canvasBaseUrl.GetLeftPart(UriPartial.Authority));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.Timeout = Timeout.InfiniteTimeSpan; // attempt and total timeouts belong to the resilience pipeline
        var api = RestService.For<ICanvasApi>(http, Settings);
        return new CanvasClient(http, api, options, timeProvider);
    }
}
