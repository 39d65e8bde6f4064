using System.Data.Common;
using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Audit;

/// <summary>The append-only audit log.</summary>
public sealed class AuditLog(Database database, TimeProvider timeProvider)
{
    public async Task RecordAsync(long? platformId, string actor, string action, string? target, string? details, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await RecordAsync(connection, null, platformId, actor, action, target, details, cancellationToken);
    }

    /// <summary>Records inside the caller's transaction, so the entry commits with the change it describes.</summary>
    public Task RecordAsync(DbConnection connection, DbTransaction? transaction, long? platformId, string actor, string action, string? target, string? details, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (platform_id, occurred_at, actor, action, target, details) VALUES (@platformId, @now, @actor, @action, @target, @details)",
            new { platformId, now = timeProvider.GetUtcNow(), actor, action, target, details },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>The newest entries first; <paramref name="platformId"/> null lists every platform's.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(long? platformId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = platformId is null ? "" : "WHERE platform_id = @platformId";
        return (await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            $"SELECT id, platform_id, occurred_at, actor, action, target, details FROM audit_log {where} ORDER BY occurred_at DESC, id DESC LIMIT @limit",
            new { platformId, limit },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>One page of entries, newest first, optionally of one platform and one action.</summary>
    public async Task<IReadOnlyList<AuditEntry>> PageAsync(long? platformId, string? action, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = Where(platformId, action);
        return (await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            $"SELECT id, platform_id, occurred_at, actor, action, target, details FROM audit_log {where} ORDER BY occurred_at DESC, id DESC LIMIT @limit OFFSET @offset",
            new { platformId, action, limit, offset },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The distinct actions recorded (for a filter), optionally of one platform.</summary>
    public async Task<IReadOnlyList<string>> ListActionsAsync(long? platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT action FROM audit_log {Where(platformId, null)} ORDER BY action",
            new { platformId },
            cancellationToken: cancellationToken))).AsList();
    }

    private static string Where(long? platformId, string? action) =>
        (platformId, action) switch
        {
            (null, null) => "",
            (null, _) => "WHERE action = @action",
            (_, null) => "WHERE platform_id = @platformId",
            _ => "WHERE platform_id = @platformId AND action = @action",
        };
}
