using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtiBadgeBridge.Tests.Contract.Data;

public abstract class MigratorContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await fixture.CreateAsync(ct);
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);

        var first = await migrator.MigrateAsync(ct);
        var second = await migrator.MigrateAsync(ct);

        Assert.Equal(Migrator.Load(database.Dialect).Count, first);
        Assert.Equal(0, second);
        Assert.Equal(migrator.LatestVersion, await migrator.CurrentVersionAsync(ct));
    }

    [Fact]
    public async Task Migrate_TwoProcessesAtOnce_AppliesEachMigrationExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await fixture.CreateAsync(ct);
        await using var other = fixture.Provider == DatabaseProvider.Postgres
            ? Database.ForPostgres(database.PostgresConnectionString!)
            : Database.ForSqlite(database.SqliteConnectionString!);

        var results = await Task.WhenAll(
            new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(ct),
            new Migrator(other, NullLogger<Migrator>.Instance).MigrateAsync(ct));

        Assert.Equal(Migrator.Load(database.Dialect).Count, results.Sum());
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations");
        Assert.Equal(Migrator.Load(database.Dialect).Count, rows);
    }

    [Fact]
    public void Migrations_BothDialects_HaveTheSameVersions()
    {
        var sqlite = Migrator.Load(SqlDialect.Sqlite).Select(m => (m.Version, m.Name));
        var postgres = Migrator.Load(SqlDialect.Postgres).Select(m => (m.Version, m.Name));
        Assert.Equal(sqlite, postgres);
    }
}

public sealed class MigratorOnSqlite(SqliteDatabase fixture) : MigratorContract<SqliteDatabase>(fixture);

public sealed class MigratorOnPostgres(PostgresDatabase fixture) : MigratorContract<PostgresDatabase>(fixture);
