using LtiBadgeBridge.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Gradebook;

/// <summary>Registers the gradebook delivery of badges: the store and the <c>post-score</c> outbox handler.</summary>
public static class GradebookServiceCollectionExtensions
{
    public static IServiceCollection AddGradebook(this IServiceCollection services)
    {
        services.AddSingleton<GradebookStore>();
        services.AddTransient<IOutboxHandler, PostScoreHandler>();
        return services;
    }
}
