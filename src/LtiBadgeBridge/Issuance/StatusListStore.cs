using System.Data.Common;
using Dapper;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Revocation status lists per platform (131,072 entries each). Indices are handed out by an atomic
/// increment of <c>next_index</c>, so two workers never get the same slot; an allocation a crash leaves unused
/// is a harmless gap. Bits are set inside the revoking transaction.
/// </summary>
public sealed class StatusListStore(Database database, TimeProvider timeProvider)
{
    private const string Columns = "id, platform_id, purpose, size, next_index, bits, updated_at";

    /// <summary>Allocates <paramref name="count"/> consecutive revocation slots on one list of the platform.</summary>
    public async Task<IReadOnlyList<StatusSlot>> AllocateAsync(long platformId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, BitstringStatusList.MinimumLength);
        await using var connection = await database.OpenAsync(cancellationToken);
        var purpose = StatusPurposes.Revocation;
        var now = timeProvider.GetUtcNow();
        var taken = await connection.QuerySingleOrDefaultAsync<Taken>(new CommandDefinition(
            """
            UPDATE status_lists SET next_index = next_index + @count
            WHERE id = (SELECT id FROM status_lists WHERE platform_id = @platformId AND purpose = @purpose AND next_index + @count <= size ORDER BY id LIMIT 1)
              AND next_index + @count <= size
            RETURNING id, next_index
            """,
            new { platformId, purpose, count },
            cancellationToken: cancellationToken));
        (long Id, long NextIndex) slot;
        if (taken is not null)
        {
            slot = (taken.Id, taken.NextIndex);
        }
        else
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO status_lists (platform_id, purpose, size, next_index, bits, updated_at)
                VALUES (@platformId, @purpose, @size, @count, @bits, @now) RETURNING id
                """,
                new { platformId, purpose, size = BitstringStatusList.MinimumLength, count, bits = new byte[BitstringStatusList.MinimumLength / 8], now },
                cancellationToken: cancellationToken));
            slot = (id, count);
        }

        var first = (int)slot.NextIndex - count;
        return [.. Enumerable.Range(first, count).Select(i => new StatusSlot(slot.Id, i))];
    }

    public async Task<StatusListRow?> GetAsync(long platformId, long listId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StatusListRow>(new CommandDefinition(
            $"SELECT {Columns} FROM status_lists WHERE id = @listId AND platform_id = @platformId",
            new { platformId, listId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Sets one bit inside the caller's transaction (the row is locked by the first UPDATE).</summary>
    public async Task SetBitAsync(DbConnection connection, DbTransaction transaction, long listId, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE status_lists SET updated_at = @now WHERE id = @listId", new { listId, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        var bits = await connection.QuerySingleAsync<byte[]>(new CommandDefinition(
            "SELECT bits FROM status_lists WHERE id = @listId", new { listId }, transaction, cancellationToken: cancellationToken));
        var list = BitstringStatusList.FromBytes(bits);
        list.Set(index, true);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE status_lists SET bits = @bits WHERE id = @listId", new { listId, bits = list.ToBytes() }, transaction, cancellationToken: cancellationToken));
    }

    private sealed class Taken
    {
        public long Id { get; set; }
        public long NextIndex { get; set; }
    }
}
