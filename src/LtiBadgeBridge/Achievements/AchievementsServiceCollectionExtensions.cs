using LtiBadgeBridge.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Achievements;

/// <summary>Registers achievements, evaluation, awards and the dry run.</summary>
public static class AchievementsServiceCollectionExtensions
{
    public static IServiceCollection AddAchievements(this IServiceCollection services)
    {
        services.AddSingleton<CourseContextLoader>();
        services.AddSingleton<AchievementStore>();
        services.AddSingleton<CompiledAchievementCache>();
        services.AddSingleton<AwardService>();
        services.AddSingleton<AchievementDryRunService>();
        services.AddTransient<EvaluateCourseJob>();
        services.AddTransient<IOutboxHandler, EvaluateCourseHandler>();
        return services;
    }
}
