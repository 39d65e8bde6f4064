using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Sync.Canvas;
using LtiBadgeBridge.Sync.Moodle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtiBadgeBridge.Sync;

/// <summary>Registers course sync: stores, the job, the <c>sync-course</c> and <c>adopt-person</c> handlers, the schedule and the LMS clients.</summary>
public static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Adding a client twice would chain its handlers twice (a second throttle gate inside the first).
        if (!services.Any(d => d.ServiceType == typeof(ICanvasClientFactory)))
        {
            services.AddCanvasClient();
        }

        if (!services.Any(d => d.ServiceType == typeof(IMoodleClientFactory)))
        {
            services.AddMoodleClient();
        }

        services.TryAddSingleton<SyncRunStore>();
        services.TryAddSingleton<PlatformCredentialsStore>();
        services.TryAddSingleton<SyncPublisher>();
        services.TryAddSingleton<SyncAccessTokens>();
        services.TryAddSingleton<SyncPager>();
        services.TryAddSingleton<PersonAdoption>();
        services.TryAddSingleton<NrpsRosterReader>();
        services.TryAddTransient<CanvasCourseSync>();
        services.TryAddTransient<MoodleCourseSync>();
        services.TryAddTransient<MoodleCompetencySync>();
        services.TryAddTransient<SyncCourseJob>();
        services.TryAddTransient<SyncScheduleJob>();
        services.AddTransient<IOutboxHandler, SyncCourseHandler>();
        services.AddTransient<IOutboxHandler, PersonAdoptionHandler>();
        return services;
    }
}
