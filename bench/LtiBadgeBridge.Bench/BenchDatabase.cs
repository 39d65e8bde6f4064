using LtiBadgeBridge.Data;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtiBadgeBridge.Bench;

/// <summary>A fresh, migrated database for a benchmark run: PostgreSQL (LTIBB_TEST_PG or a throwaway cluster) or SQLite.</summary>
internal static class BenchDatabase
{
    public static async Task<Database> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var database = provider == DatabaseProvider.Postgres
            ? Database.ForPostgres(await PostgresServer.CreateDatabaseAsync("ltibb_bench", cancellationToken))
            : Database.Create(new DatabaseOptions { DataDirectory = Path.Combine(Path.GetTempPath(), $"ltibb-bench-{Guid.NewGuid():N}") });
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(cancellationToken);
        return database;
    }
}
