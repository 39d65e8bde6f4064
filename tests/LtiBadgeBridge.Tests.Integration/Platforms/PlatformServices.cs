using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Platforms.Moodle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

/// <summary>Builds the platform clients the way the host does: through DI, with test-speed retry delays.</summary>
internal static class PlatformServices
{
    public static ServiceProvider Build(Action<CanvasOptions>? canvas = null, Action<MoodleOptions>? moodle = null, TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddCanvasClient(options =>
        {
            options.TransientRetryDelay = TimeSpan.FromMilliseconds(5);
            options.ThrottleBackoff = TimeSpan.FromMilliseconds(50);
            options.MaxThrottleBackoff = TimeSpan.FromMilliseconds(500);
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            canvas?.Invoke(options);
        });
        services.AddMoodleClient(options =>
        {
            options.TransientRetryDelay = TimeSpan.FromMilliseconds(5);
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            moodle?.Invoke(options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ICanvasClient CanvasClient(this ServiceProvider services, Testing.Emulators.EmulatedCanvas canvas, string? token = null) =>
        services.GetRequiredService<ICanvasClientFactory>().Create(canvas.BaseUrl, token ?? canvas.Options.AccessToken);
}
