using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Keys;

/// <summary>Rows of <c>tool_keys</c>. Key material handling lives in <see cref="KeyRing"/>.</summary>
public sealed class ToolKeyStore(Database database)
{
    private const string Columns = "id, kid, purpose, platform_id, algorithm, public_jwk, private_key_protected, created_at, retired_at, expires_at";

    public async Task InsertAsync(ToolKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO tool_keys (kid, purpose, platform_id, algorithm, public_jwk, private_key_protected, created_at)
            VALUES (@Kid, @Purpose, @PlatformId, @Algorithm, @PublicJwk, @PrivateKeyProtected, @CreatedAt)
            """,
            key,
            cancellationToken: cancellationToken));
    }

    /// <summary>Keys for a purpose (and platform), newest first, including retired ones not yet expired.</summary>
    public async Task<IReadOnlyList<ToolKey>> ListAsync(string purpose, long? platformId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var platformFilter = platformId is null ? "platform_id IS NULL" : "platform_id = @platformId";
        return (await connection.QueryAsync<ToolKey>(new CommandDefinition(
            $"SELECT {Columns} FROM tool_keys WHERE purpose = @purpose AND {platformFilter} AND (expires_at IS NULL OR expires_at > @now) ORDER BY created_at DESC, id DESC",
            new { purpose, platformId, now },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<ToolKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ToolKey>(new CommandDefinition(
            $"SELECT {Columns} FROM tool_keys WHERE kid = @kid", new { kid }, cancellationToken: cancellationToken));
    }

    /// <summary>Retires every active key of the purpose except <paramref name="keepKid"/>.</summary>
    public async Task<int> RetireOthersAsync(string purpose, long? platformId, string keepKid, DateTimeOffset retiredAt, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var platformFilter = platformId is null ? "platform_id IS NULL" : "platform_id = @platformId";
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE tool_keys SET retired_at = @retiredAt, expires_at = @expiresAt WHERE purpose = @purpose AND {platformFilter} AND kid <> @keepKid AND retired_at IS NULL",
            new { purpose, platformId, keepKid, retiredAt, expiresAt },
            cancellationToken: cancellationToken));
    }
}
