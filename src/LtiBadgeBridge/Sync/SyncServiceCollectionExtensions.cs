using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Sync.Canvas;
using LtiBadgeBridge.Sync.Moodle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtiBadgeBridge.Sync;

/// <summary>Registers course sync: stores, the job, the <c>sync-course</c> handler, the schedule and the LMS clients.</summary>
public static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddCanvasClient();
        services.AddMoodleClient();
        services.TryAddSingleton<SyncRunStore>();
        services.TryAddSingleton<PlatformCredentialsStore>();
        services.TryAddSingleton<SyncPublisher>();
        services.TryAddSingleton<SyncAccessTokens>();
        services.TryAddSingleton<SyncPager>();
        services.TryAddTransient<CanvasCourseSync>();
        services.TryAddTransient<MoodleCourseSync>();
        services.TryAddTransient<SyncCourseJob>();
        services.TryAddTransient<SyncScheduleJob>();
        services.AddTransient<IOutboxHandler, SyncCourseHandler>();
        return services;
    }
}
