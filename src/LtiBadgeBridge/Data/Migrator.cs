using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace LtiBadgeBridge.Data;

/// <summary>
/// Applies the embedded SQL migrations of the active dialect, in version order, each once and in its
/// own transaction. On PostgreSQL a session advisory lock keeps two processes from migrating at once;
/// on SQLite each migration takes the write lock (<c>BEGIN IMMEDIATE</c>) and re-checks its version.
/// </summary>
public sealed partial class Migrator(Database database, ILogger<Migrator> logger)
{
    /// <summary>An arbitrary, fixed advisory lock key ("LTIBB" in ASCII).</summary>
    private const long AdvisoryLockKey = 0x4C54494242;

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The migrations embedded for a dialect, ordered by version.</summary>
    public static IReadOnlyList<Migration> Load(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Data.Migrations.{dialect.MigrationsFolder}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var match = MigrationName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration resource '{fileName}' must be named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share version {ordered[i].Version}.");
            }
        }

        return ordered;
    }

    /// <summary>Applies every pending migration and returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        database.EnsureStorageLocation();
        var migrations = Load(database.Dialect);
        await using var connection = await database.OpenAsync(cancellationToken);
        var isPostgres = database.Provider == DatabaseProvider.Postgres;
        if (isPostgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                cancellationToken: cancellationToken));

            var applied = 0;
            foreach (var migration in migrations)
            {
                if (await ApplyAsync(connection, migration, isPostgres, cancellationToken))
                {
                    applied++;
                    LogApplied(logger, migration.Version, migration.Name, database.Description);
                }
            }

            return applied;
        }
        finally
        {
            if (isPostgres)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
            }
        }
    }

    /// <summary>The highest applied version, or 0 for an empty database.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0;
        }
        catch (DbException)
        {
            return 0;
        }
    }

    /// <summary>The newest version this build knows.</summary>
    public int LatestVersion => Load(database.Dialect)[^1].Version;

    private static async Task<bool> ApplyAsync(DbConnection connection, Migration migration, bool isPostgres, CancellationToken cancellationToken)
    {
        if (!isPostgres)
        {
            // BEGIN IMMEDIATE takes the write lock now, so two processes cannot both pass the check below.
            await connection.ExecuteAsync(new CommandDefinition("BEGIN IMMEDIATE", cancellationToken: cancellationToken));
            try
            {
                if (await IsAppliedAsync(connection, null, migration.Version, cancellationToken))
                {
                    await connection.ExecuteAsync(new CommandDefinition("ROLLBACK", cancellationToken: cancellationToken));
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, cancellationToken: cancellationToken));
                await RecordAsync(connection, null, migration, cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition("COMMIT", cancellationToken: cancellationToken));
                return true;
            }
            catch
            {
                await connection.ExecuteAsync(new CommandDefinition("ROLLBACK", cancellationToken: CancellationToken.None));
                throw;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await IsAppliedAsync(connection, transaction, migration.Version, cancellationToken))
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await RecordAsync(connection, transaction, migration, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction? transaction, int version, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken)) > 0;

    private static Task RecordAsync(DbConnection connection, DbTransaction? transaction, Migration migration, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
            new { migration.Version, migration.Name, AppliedAt = DapperSetup.ToSqliteText(TimeProvider.System.GetUtcNow()) },
            transaction,
            cancellationToken: cancellationToken));

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied migration {Version} ({Name}) to {Database}")]
    private static partial void LogApplied(ILogger logger, int version, string name, string database);
}
