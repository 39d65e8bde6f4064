using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Credentials;

/// <summary>Issuance services: the pinned context cache, signers, stores, outbox handlers and public documents.</summary>
internal static class IssuanceServiceCollectionExtensions
{
    public static IServiceCollection AddIssuance(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var service = sp.GetRequiredService<IOptions<ServiceOptions>>().Value;
            var configuration = sp.GetRequiredService<IConfiguration>();
            var baseUrl = string.IsNullOrWhiteSpace(service.PublicBaseUrl) ? "https://localhost/" : service.PublicBaseUrl;
            return new IssuanceSettings
            {
                PublicBaseUrl = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"),
                BatchSize = configuration.GetValue("Issuance:BatchSize", 250),
                DataIntegrity = configuration.GetValue("Issuance:DataIntegrity", true),
                SchemaDirectory = configuration["Issuance:SchemaDirectory"],
            };
        });
        services.AddSingleton(sp => new ContextCache(new ContextCacheOptions
        {
            Directory = Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory), "contexts"),
        }));
        services.AddIssuanceCore();
        services.AddTransient<IOutboxHandler, IssueCredentialHandler>();
        services.AddTransient<IOutboxHandler, RevokeCredentialHandler>();
        return services;
    }
}
