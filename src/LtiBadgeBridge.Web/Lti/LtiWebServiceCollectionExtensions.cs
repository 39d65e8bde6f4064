using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>Registers the LTI door: the protocol library on the application's stores and key ring, the
/// session, platform file loading and dynamic registration.</summary>
internal static class LtiWebServiceCollectionExtensions
{
    public static IServiceCollection AddLtiWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LtiWebOptions>().BindConfiguration(LtiWebOptions.SectionName);
        services.AddLtiProtocol(_ => { });
        services.AddOptions<LtiToolOptions>().BindConfiguration(LtiToolOptions.SectionName);
        services.AddSingleton<IPostConfigureOptions<LtiToolOptions>>(sp => new PostConfigureOptions<LtiToolOptions>(Options.DefaultName, o =>
        {
            o.LaunchUri ??= LtiUrls.DefaultLaunchUri(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.PublicBaseUrl, configuration["urls"]);
        }));

        services.AddSingleton<ILtiRegistrationStore, DatabaseLtiRegistrationStore>();
        services.AddSingleton<ILtiNonceStore, DatabaseLtiNonceStore>();
        services.AddSingleton<KeyRingToolKeySetProvider>();
        services.AddSingleton<IToolKeySetProvider>(sp => sp.GetRequiredService<KeyRingToolKeySetProvider>());
        services.AddSingleton<LaunchBinder>();
        services.AddSingleton<PlatformFileLoader>();
        services.AddSingleton<LtiUrls>();
        services.AddSingleton<LtiSessionProtector>();
        services.AddSingleton<DynamicRegistrationService>();
        services.AddHostedService<PlatformFilesHostedService>();
        return services;
    }
}
