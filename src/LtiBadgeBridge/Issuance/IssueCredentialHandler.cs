using LtiBadgeBridge.Outbox;

namespace LtiBadgeBridge.Issuance;

/// <summary>The outbox handler for <c>issue-credential</c> (payload <c>{"awardId":456}</c>): one claimed batch per call.</summary>
public sealed class IssueCredentialHandler(OutboxStore outbox, CredentialIssuer issuer, IssuanceSettings settings, OutboxPublisher publisher) : IOutboxHandler
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public string Kind => IssuanceKinds.IssueCredential;

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var messages = await outbox.ClaimAsync(Kind, settings.BatchSize, Lease, cancellationToken);
        if (messages.Count == 0)
        {
            return 0;
        }

        var result = await issuer.IssueAsync(messages, cancellationToken);
        if (result.Issued > 0)
        {
            publisher.Nudge(Gradebook.GradebookKinds.PostScore); // The scores were published with the credentials.
        }

        return result.Processed;
    }
}
