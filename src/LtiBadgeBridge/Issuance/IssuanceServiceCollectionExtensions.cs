using LtiBadgeBridge.Credentials.DataIntegrity;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Jwt;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// The issuance services over a registered <see cref="IssuanceSettings"/> and <see cref="ContextCache"/>
/// (the host and the tests configure those two their own way): signers, stores, issuer, revoker,
/// verification, endorsements and public documents.
/// </summary>
public static class IssuanceServiceCollectionExtensions
{
    public static IServiceCollection AddIssuanceCore(this IServiceCollection services)
    {
        services.AddSingleton(sp => new JsonLdProcessor(sp.GetRequiredService<ContextCache>()));
        services.AddSingleton(sp => new DataIntegrityProofs(sp.GetRequiredService<JsonLdProcessor>()));
        services.AddSingleton<VcJwtSigner>();
        services.AddSingleton<DataIntegritySigner>();
        services.AddSingleton<IssuerProfileStore>();
        services.AddSingleton<IssuerKeyService>();
        services.AddSingleton<StatusListStore>();
        services.AddSingleton<StatusListPublisher>();
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<CredentialIssuer>();
        services.AddSingleton<CredentialRevoker>();
        services.AddSingleton<CredentialVerification>();
        services.AddSingleton<CredentialDocuments>();
        services.AddSingleton<EndorsementStore>();
        services.AddSingleton<EndorsementImporter>();
        return services;
    }
}
