using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Launch;

/// <summary>
/// Login state and nonces. A nonce is consumed by one atomic conditional update, so of two concurrent
/// posts of the same id_token exactly one wins, on SQLite and PostgreSQL alike. Consumed rows are kept
/// until they expire (at least as long as a token can live), so a replay is recognised as a replay.
/// </summary>
public sealed class LaunchStateStore(Database database, TimeProvider timeProvider)
{
    private const string Columns = "state, nonce, platform_id, target_link_uri, created_at, expires_at, consumed_at";

    public async Task CreateAsync(LaunchState launchState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launchState);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO launch_states (state, nonce, platform_id, target_link_uri, created_at, expires_at)
            VALUES (@State, @Nonce, @PlatformId, @TargetLinkUri, @CreatedAt, @ExpiresAt)
            """,
            launchState,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks the nonce used and returns its state row, or null when the nonce is unknown, expired or
    /// already used (<see cref="FindByNonceAsync"/> tells which).
    /// </summary>
    public Task<LaunchState?> TryConsumeNonceAsync(string nonce, CancellationToken cancellationToken) =>
        TryConsumeNonceAsync(nonce, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>As <see cref="TryConsumeNonceAsync(string, CancellationToken)"/>, at the given time.</summary>
    public async Task<LaunchState?> TryConsumeNonceAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LaunchState>(new CommandDefinition(
            $"""
            UPDATE launch_states SET consumed_at = @now
            WHERE nonce = @nonce AND consumed_at IS NULL AND expires_at > @now
            RETURNING {Columns}
            """,
            new { nonce, now },
            cancellationToken: cancellationToken));
    }

    public async Task<LaunchState?> FindByNonceAsync(string nonce, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LaunchState>(new CommandDefinition(
            $"SELECT {Columns} FROM launch_states WHERE nonce = @nonce", new { nonce }, cancellationToken: cancellationToken));
    }

    public async Task<LaunchState?> FindByStateAsync(string state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LaunchState>(new CommandDefinition(
            $"SELECT {Columns} FROM launch_states WHERE state = @state", new { state }, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes rows that expired before <paramref name="olderThan"/>; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM launch_states WHERE expires_at < @olderThan", new { olderThan }, cancellationToken: cancellationToken));
    }
}
