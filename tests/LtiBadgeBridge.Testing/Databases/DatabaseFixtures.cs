using LtiBadgeBridge.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtiBadgeBridge.Testing.Databases;

/// <summary>
/// A migrated database for one test class. The store contract suites are written once against this
/// type and run on both <see cref="SqliteDatabase"/> and <see cref="PostgresDatabase"/>.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private Database? _database;

    public Database Database => _database ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public abstract DatabaseProvider Provider { get; }

    public async ValueTask InitializeAsync()
    {
        _database = await CreateAsync(TestContext.Current.CancellationToken);
        await new Migrator(_database, NullLogger<Migrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await CleanupAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A new, empty, unmigrated database of this provider (for migration tests).</summary>
    public abstract Task<Database> CreateAsync(CancellationToken cancellationToken);

    protected virtual Task CleanupAsync() => Task.CompletedTask;
}

/// <summary>A SQLite database file in a temporary folder.</summary>
public sealed class SqliteDatabase : DatabaseFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ltibb-sqlite-{Guid.NewGuid():N}");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<Database> CreateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult(Database.Create(new DatabaseOptions { DataDirectory = Path.Combine(_directory, Guid.NewGuid().ToString("N")) }));
    }

    protected override Task CleanupAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }
}

/// <summary>A fresh database on the test PostgreSQL server (see <see cref="PostgresServer"/>).</summary>
public sealed class PostgresDatabase : DatabaseFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async Task<Database> CreateAsync(CancellationToken cancellationToken) =>
        Database.ForPostgres(await PostgresServer.CreateDatabaseAsync("ltibb", cancellationToken));
}
