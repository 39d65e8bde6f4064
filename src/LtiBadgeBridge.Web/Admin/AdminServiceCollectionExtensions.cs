namespace LtiBadgeBridge.Web.Admin;

/// <summary>Registers the admin console: its settings, the access check and the login limiter.</summary>
internal static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<AdminLoginLimiter>();
        services.AddSingleton<AdminQueries>();
        return services;
    }
}
