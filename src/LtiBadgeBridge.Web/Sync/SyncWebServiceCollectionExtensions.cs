using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Sync;

/// <summary>Registers course sync with the host: the sync services, and the Canvas redirect URI from <c>Service:PublicBaseUrl</c>.</summary>
internal static class SyncWebServiceCollectionExtensions
{
    public static IServiceCollection AddSyncFeature(this IServiceCollection services)
    {
        services.AddSync();
        services.AddSingleton<IPostConfigureOptions<SyncOptions>>(sp => new PostConfigureOptions<SyncOptions>(null, options =>
        {
            if (options.CanvasRedirectUri is null && sp.GetRequiredService<IOptions<ServiceOptions>>().Value.PublicBaseUrl is { } baseUrl)
            {
                options.CanvasRedirectUri = new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), "sync/canvas/callback");
            }
        }));
        return services;
    }
}
