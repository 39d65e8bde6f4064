using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace LtiBadgeBridge.Data;

/// <summary>
/// Opens connections to the configured database. The one seam every store uses: a store asks for a
/// connection and the dialect, writes its SQL once, and runs on SQLite and PostgreSQL alike.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<sqlite3, object> PreparedHandles = [];
    private static readonly object Marker = new();

    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteConnectionString;

    private Database(SqlDialect dialect, NpgsqlDataSource? postgres, string? sqliteConnectionString, string description)
    {
        Dialect = dialect;
        _postgres = postgres;
        _sqliteConnectionString = sqliteConnectionString;
        Description = description;
        DapperSetup.EnsureConfigured();
    }

    public SqlDialect Dialect { get; }

    public DatabaseProvider Provider => Dialect.Provider;

    /// <summary>A description safe to log: provider and location, never a password.</summary>
    public string Description { get; }

    /// <summary>The SQLite connection string (null on PostgreSQL).</summary>
    public string? SqliteConnectionString => _sqliteConnectionString;

    /// <summary>The PostgreSQL connection string (null on SQLite), for Hangfire's storage.</summary>
    public string? PostgresConnectionString => _postgres?.ConnectionString;

    public static Database Create(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ResolveProvider() == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new DatabaseConfigurationException(
                    "Database:Provider is 'postgres' but Database:ConnectionString is empty: set it to e.g. 'Host=localhost;Database=ltibadgebridge;Username=...;Password=...'.");
            }

            return ForPostgres(options.ConnectionString);
        }

        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var directory = Path.GetFullPath(options.DataDirectory);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(directory, "ltibadgebridge.db"),
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }

        return ForSqlite(connectionString);
    }

    public static Database ForPostgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or FormatException)
        {
            throw new DatabaseConfigurationException(
                $"Database:ConnectionString is not a valid PostgreSQL connection string ({ex.Message}); use the form 'Host=...;Database=...;Username=...;Password=...'.", ex);
        }

        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        return new Database(SqlDialect.Postgres, dataSource, null, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
    }

    public static Database ForSqlite(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or FormatException)
        {
            throw new DatabaseConfigurationException(
                $"Database:ConnectionString is not a valid SQLite connection string ({ex.Message}); leave it empty to use the data directory.", ex);
        }

        return new Database(SqlDialect.Sqlite, null, builder.ToString(), $"SQLite {builder.DataSource}");
    }

    /// <summary>Opens a connection. On SQLite each connection enables WAL, foreign keys and a busy timeout.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && !PreparedHandles.TryGetValue(handle, out _))
            {
                // Once per native connection: pooled connections keep their settings, so re-running the
                // pragmas on every open would only cost a statement per store call.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                PreparedHandles.AddOrUpdate(handle, Marker);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes sure the SQLite file's folder exists and is writable; throws a configuration error that
    /// names the setting otherwise. A no-op on PostgreSQL.
    /// </summary>
    public void EnsureStorageLocation()
    {
        if (_sqliteConnectionString is null)
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(_sqliteConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource))!;
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseConfigurationException(
                $"Database:DataDirectory '{directory}' is not writable ({ex.Message}); point it at a folder this process can write, e.g. --Database:DataDirectory=./data.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
