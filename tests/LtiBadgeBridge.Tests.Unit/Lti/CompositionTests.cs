using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.DeepLinking;
using LtiBadgeBridge.Lti.DynamicRegistration;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Lti.Services;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class CompositionTests
{
    [Fact]
    public void AddLtiProtocol_WithTheHostsStores_ResolvesEveryService()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ILtiRegistrationStore, InMemoryRegistrationStore>();
        services.AddSingleton<ILtiNonceStore, InMemoryNonceStore>();
        services.AddSingleton<IToolKeySetProvider>(new StaticToolKeySetProvider(new ToolKeySet([new ToolKey("k", TestRsaKeys.Get(3), ToolKeyStatus.Active)])));
        services.AddLtiProtocol(o => o.LaunchUri = new Uri("https://tool.example.org/lti/launch"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<LoginInitiationHandler>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<LaunchValidator>());
        Assert.NotNull(provider.GetRequiredService<DeepLinkingResponseBuilder>());
        Assert.NotNull(provider.GetRequiredService<AgsClient>());
        Assert.NotNull(provider.GetRequiredService<NrpsClient>());
        Assert.NotNull(provider.GetRequiredService<DynamicRegistrationClient>());
        Assert.Same(provider.GetRequiredService<PlatformKeySetCache>(), provider.GetRequiredService<IPlatformKeyResolver>());
    }

    [Fact]
    public void AddLtiProtocol_WithoutLaunchUri_FailsWithAMessageNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddLtiProtocol(_ => { });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LtiToolOptions>>().Value);

        Assert.Contains("Lti:LaunchUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateCookie_NameIsHostPrefixedAndDerivedFromTheState()
    {
        Assert.Equal("__Host-lti-state-abcdefghijklmnop", LtiStateCookie.NameFor("abcdefghijklmnopqrstuvwxyz"));
        Assert.Equal(LtiStateCookie.NameFor("abcdefghijklmnopqrstuvwxyz"), LtiStateCookie.NameForPosted("abcdefghijklmnopqrstuvwxyz"));
        Assert.Null(LtiStateCookie.NameForPosted("a;b=c"));
        Assert.Null(LtiStateCookie.NameForPosted(new string('a', 500)));
    }
}
