using System.Data.Common;
using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Outbox;

/// <summary>
/// The transactional outbox. Producers enqueue inside their own transaction (so the intent commits with
/// the change that caused it); consumers claim batches under a lease, so a crashed worker's batch is
/// picked up again when the lease runs out, and mark each message processed once its effect committed.
/// </summary>
public sealed class OutboxStore(Database database, TimeProvider timeProvider)
{
    private const string Columns = "id, platform_id, kind, dedupe_key, payload, created_at, available_at, attempts, locked_until, processed_at, last_error";

    /// <summary>Enqueues in the caller's transaction; returns false when the key was already there.</summary>
    public async Task<bool> EnqueueAsync(DbConnection connection, DbTransaction? transaction, long platformId, string kind, string dedupeKey, string payload, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox (platform_id, kind, dedupe_key, payload, created_at, available_at)
            VALUES (@platformId, @kind, @dedupeKey, @payload, @now, @now)
            ON CONFLICT (dedupe_key) DO NOTHING
            """,
            new { platformId, kind, dedupeKey, payload, now },
            transaction,
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> EnqueueAsync(long platformId, string kind, string dedupeKey, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // Debounced requests (a sync per course per five minutes) mostly find their key taken: answer that with a read.
        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM outbox WHERE dedupe_key = @dedupeKey", new { dedupeKey }, cancellationToken: cancellationToken)) is not null)
        {
            return false;
        }

        return await EnqueueAsync(connection, null, platformId, kind, dedupeKey, payload, cancellationToken);
    }

    /// <summary>Claims up to <paramref name="limit"/> due messages of a kind for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string kind, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"""
            UPDATE outbox SET locked_until = @leaseUntil, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox
                WHERE kind = @kind AND processed_at IS NULL AND available_at <= @now AND (locked_until IS NULL OR locked_until < @now)
                ORDER BY id LIMIT @limit {database.Dialect.ForUpdateSkipLocked})
            RETURNING {Columns}
            """,
            new { kind, limit, now, leaseUntil = now + lease },
            cancellationToken: cancellationToken))).OrderBy(m => m.Id).ToList();
    }

    public async Task MarkProcessedAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET processed_at = @now, locked_until = NULL, last_error = NULL WHERE id = @id",
            new { id, now = timeProvider.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));

    public async Task MarkProcessedAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await MarkProcessedAsync(connection, null, id, cancellationToken);
    }

    /// <summary>Releases the lease and schedules a retry with the given delay.</summary>
    public async Task MarkFailedAsync(long id, string error, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET locked_until = NULL, last_error = @error, available_at = @availableAt WHERE id = @id",
            new { id, error = error.Length > 2000 ? error[..2000] : error, availableAt = now + retryAfter },
            cancellationToken: cancellationToken));
    }

    /// <summary>Kinds with due, unclaimed messages: what reconciliation must (re)dispatch.</summary>
    public async Task<IReadOnlyList<string>> PendingKindsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT kind FROM outbox WHERE processed_at IS NULL AND available_at <= @now AND (locked_until IS NULL OR locked_until < @now)",
            new { now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<OutboxMessage?> FindAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE dedupe_key = @dedupeKey", new { dedupeKey }, cancellationToken: cancellationToken));
    }
}
