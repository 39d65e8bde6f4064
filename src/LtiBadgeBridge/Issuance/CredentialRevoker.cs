using Dapper;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Revokes a credential in one transaction: <c>credentials.revoked_at</c> and reason, the status list bit, the award
/// marked revoked, and an audit entry. The signed status list, the public page and the OB 2.0 assertion read the
/// same rows, so they all say "revoked" from the commit on.
/// </summary>
public sealed class CredentialRevoker(Database database, StatusListStore statusLists, AuditLog audit, TimeProvider timeProvider)
{
    public const string AuditAction = "credential.revoke";

    public async Task<RevocationResult> RevokeByPublicIdAsync(string publicId, string actor, string? reason, CancellationToken cancellationToken) =>
        await RevokeAsync("public_id = @key", publicId, actor, reason, cancellationToken);

    public async Task<RevocationResult> RevokeByAwardAsync(long awardId, string actor, string? reason, CancellationToken cancellationToken) =>
        await RevokeAsync("award_id = @key", awardId, actor, reason, cancellationToken);

    private async Task<RevocationResult> RevokeAsync(string where, object key, string actor, string? reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Target>(new CommandDefinition(
            $"UPDATE credentials SET revoked_at = @now, revocation_reason = @reason WHERE {where} AND revoked_at IS NULL RETURNING id, platform_id, award_id, public_id, status_list_id, status_list_index",
            new { key, now, reason }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM credentials WHERE {where}", new { key }, transaction, cancellationToken: cancellationToken)) > 0;
            await transaction.RollbackAsync(cancellationToken);
            return exists
                ? new RevocationResult(RevocationResult.AlreadyRevoked, "The credential was already revoked.")
                : new RevocationResult(RevocationResult.NotFound, "No credential matches.");
        }

        if (row.StatusListId is { } listId && row.StatusListIndex is { } index)
        {
            await statusLists.SetBitAsync(connection, transaction, listId, (int)index, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE awards SET state = 'revoked', revoked_at = COALESCE(revoked_at, @now), revoked_by = COALESCE(revoked_by, @actor),
                revoked_reason = COALESCE(revoked_reason, @reason)
            WHERE id = @awardId
            """,
            new { awardId = row.AwardId, now, actor, reason }, transaction, cancellationToken: cancellationToken));
        await audit.RecordAsync(connection, transaction, row.PlatformId, actor, AuditAction, row.PublicId, reason, cancellationToken);
        await Gradebook.GradebookOutbox.EnqueueAsync(connection, transaction, [(row.PlatformId, row.AwardId)], Gradebook.GradebookKinds.Revoked, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RevocationResult(RevocationResult.Revoked, "Revoked.");
    }

    private sealed class Target
    {
        public long Id { get; set; }
        public long PlatformId { get; set; }
        public long AwardId { get; set; }
        public string PublicId { get; set; } = "";
        public long? StatusListId { get; set; }
        public long? StatusListIndex { get; set; }
    }
}
