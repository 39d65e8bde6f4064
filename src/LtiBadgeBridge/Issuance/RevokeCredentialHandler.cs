using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Outbox;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// The outbox handler for <c>revoke-credential</c> (payload <c>{"awardId":456}</c>): revokes the award's credential
/// with the award's revocation reason and actor. Idempotent: an already revoked or never issued credential is done.
/// </summary>
public sealed class RevokeCredentialHandler(OutboxStore outbox, Database database, CredentialRevoker revoker) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => IssuanceKinds.RevokeCredential;

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var messages = await outbox.ClaimAsync(Kind, 100, TimeSpan.FromMinutes(2), cancellationToken);
        foreach (var message in messages)
        {
            long? awardId;
            try
            {
                awardId = JsonSerializer.Deserialize<Payload>(message.Payload, Json)?.AwardId;
            }
            catch (JsonException)
            {
                awardId = null;
            }

            if (awardId is null)
            {
                await outbox.MarkFailedAsync(message.Id, "payload is not {\"awardId\":<number>}", TimeSpan.FromDays(1), cancellationToken);
                continue;
            }

            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                var award = await connection.QuerySingleOrDefaultAsync<AwardRevocation>(new CommandDefinition(
                    "SELECT revoked_by, revoked_reason FROM awards WHERE id = @awardId", new { awardId }, cancellationToken: cancellationToken));
                await revoker.RevokeByAwardAsync(awardId.Value, award?.RevokedBy ?? "system", award?.RevokedReason, cancellationToken);
            }

            await outbox.MarkProcessedAsync(message.Id, cancellationToken);
        }

        return messages.Count;
    }

    private sealed record Payload(long? AwardId);

    private sealed class AwardRevocation
    {
        public string? RevokedBy { get; set; }
        public string? RevokedReason { get; set; }
    }
}
