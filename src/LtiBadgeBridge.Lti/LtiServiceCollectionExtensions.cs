using LtiBadgeBridge.Lti.DeepLinking;
using LtiBadgeBridge.Lti.DynamicRegistration;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Lti;

/// <summary>Registers the LTI protocol services. The host must also register its implementations of
/// <see cref="Platforms.ILtiRegistrationStore"/>, <see cref="ILtiNonceStore"/> and <see cref="IToolKeySetProvider"/>,
/// and a <see cref="TimeProvider"/> (TimeProvider.System unless one is registered).</summary>
public static class LtiServiceCollectionExtensions
{
    /// <summary>The named HttpClient every outbound LTI call uses (add resilience handlers to it).</summary>
    public const string HttpClientName = "lti";

    public static IServiceCollection AddLtiProtocol(this IServiceCollection services, Action<LtiToolOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LtiToolOptions>()
            .Configure(configure)
            .Validate(o => o.LaunchUri is { IsAbsoluteUri: true }, "Lti:LaunchUri must be the tool's absolute launch URL, e.g. https://badges.example.edu/lti/launch.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserAgent), "Lti:UserAgent must not be empty (Canvas requires a User-Agent).")
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new PlatformKeySetCacheOptions());

        // Singletons: the key set cache and the token cache hold state shared by every request.
        services.TryAddSingleton(sp => new PlatformKeySetCache(
            Client(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<PlatformKeySetCacheOptions>(),
            sp.GetService<ILogger<PlatformKeySetCache>>()));
        services.TryAddSingleton<IPlatformKeyResolver>(sp => sp.GetRequiredService<PlatformKeySetCache>());
        services.TryAddSingleton(sp => new LtiAccessTokenClient(
            Client(sp), sp.GetRequiredService<IToolKeySetProvider>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<LtiToolOptions>>(), sp.GetService<ILogger<LtiAccessTokenClient>>()));
        services.TryAddSingleton(sp => new AgsClient(
            Client(sp), sp.GetRequiredService<LtiAccessTokenClient>(), sp.GetRequiredService<IOptions<LtiToolOptions>>(), sp.GetService<ILogger<AgsClient>>()));
        services.TryAddSingleton(sp => new NrpsClient(
            Client(sp), sp.GetRequiredService<LtiAccessTokenClient>(), sp.GetRequiredService<IOptions<LtiToolOptions>>(), sp.GetService<ILogger<NrpsClient>>()));
        services.TryAddSingleton(sp => new DynamicRegistrationClient(Client(sp), sp.GetRequiredService<IOptions<LtiToolOptions>>()));
        services.TryAddSingleton(sp => new DeepLinkingResponseBuilder(sp.GetRequiredService<TimeProvider>()));

        // Scoped: they use the host's stores, which may be scoped.
        services.TryAddScoped<LoginInitiationHandler>();
        services.TryAddScoped<LaunchValidator>();
        return services;
    }

    private static HttpClient Client(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
