using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Testing.Issuance;

/// <summary>
/// Issues a pilot credential inside a running service (its container, database and outbox handler): the rows the
/// rules engine would have written (<see cref="IssuanceSeed"/>), one <c>issue-credential</c> intent, and the
/// service's own handler turning it into a signed credential. For page and browser tests that need a real credential.
/// </summary>
public static class ServiceIssuance
{
    /// <summary>Issues the Cloud Computing pilot credential on <paramref name="platformId"/>; returns its stored record.</summary>
    public static Task<CredentialRecord> IssuePilotAsync(IServiceProvider services, long platformId, CancellationToken cancellationToken) =>
        IssueAsync(services, platformId, IssuanceSeed.PilotDefinition(), cancellationToken);

    /// <summary>Issues a credential of an achievement defined by <paramref name="definition"/> (YAML) on <paramref name="platformId"/>.</summary>
    public static async Task<CredentialRecord> IssueAsync(IServiceProvider services, long platformId, string definition, CancellationToken cancellationToken)
    {
        await PrepareIssuerAsync(services, platformId, cancellationToken);
        var database = services.GetRequiredService<Database>();
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(database, platformId, definition, cancellationToken);
        var awardId = (await IssuanceSeed.AwardsAsync(database, platformId, courseId, achievementId, 1, cancellationToken))[0];
        await services.GetRequiredService<OutboxStore>().EnqueueAsync(
            platformId, IssuanceKinds.IssueCredential, IssuanceKinds.IssueDedupeKey(awardId), IssuanceKinds.Payload(awardId), cancellationToken);
        await services.GetServices<IOutboxHandler>().Single(h => h.Kind == IssuanceKinds.IssueCredential).ProcessBatchAsync(cancellationToken);
        return await services.GetRequiredService<CredentialStore>().FindByAwardAsync(awardId, cancellationToken)
            ?? throw new InvalidOperationException($"The service issued no credential for award {awardId}.");
    }

    /// <summary>What issuance needs offline: the published JSON-LD contexts from the test vectors in the service's
    /// context cache, and an issuer profile for <paramref name="platformId"/>.</summary>
    public static async Task PrepareIssuerAsync(IServiceProvider services, long platformId, CancellationToken cancellationToken)
    {
        services.GetRequiredService<ContextCache>().ImportDirectory(TestVectors.Path("ob3", "contexts"));
        await services.GetRequiredService<IssuerProfileStore>().SetAsync(platformId, new IssuerProfileFields
        {
            Url = "https://www.example.edu/", Email = "badges@example.edu", Country = "Canada", CountryCode = "CA", Region = "ON",
        }, cancellationToken);
    }
}
