using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Tests.Unit.Data;

public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData(null, null, DatabaseProvider.Sqlite)]
    [InlineData("", "", DatabaseProvider.Sqlite)]
    [InlineData(null, "Host=db;Database=x", DatabaseProvider.Postgres)]
    [InlineData("sqlite", "Data Source=/tmp/x.db", DatabaseProvider.Sqlite)]
    [InlineData("postgres", "Host=db;Database=x", DatabaseProvider.Postgres)]
    public void ResolveProvider_FollowsProviderThenConnectionString(string? provider, string? connectionString, DatabaseProvider expected)
    {
        var options = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };

        Assert.Equal(expected, options.ResolveProvider());
    }

    [Fact]
    public void Create_PostgresWithoutConnectionString_NamesTheSetting()
    {
        var error = Assert.Throws<DatabaseConfigurationException>(() => Database.Create(new DatabaseOptions { Provider = "postgres" }));

        Assert.StartsWith("Database:Provider is 'postgres' but Database:ConnectionString is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GarbledConnectionString_NamesTheSettingInsteadOfThrowingRaw()
    {
        var error = Assert.Throws<DatabaseConfigurationException>(() => Database.Create(new DatabaseOptions { ConnectionString = "garbage=;;" }));

        Assert.Contains("Database:ConnectionString is not a valid PostgreSQL connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Embedded_PutsTheDatabaseInTheDataDirectory()
    {
        var database = Database.Create(new DatabaseOptions { DataDirectory = "/srv/ltibb" });

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal("SQLite /srv/ltibb/ltibadgebridge.db", database.Description);
    }

    [Fact]
    public void ToStorage_TruncatesToMicrosecondsInUtc()
    {
        var value = new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        var stored = DapperSetup.ToStorage(value);

        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(value.UtcTicks - 7, stored.UtcTicks);
        Assert.Equal("2026-05-01T08:00:00.123456Z", DapperSetup.ToSqliteText(value));
    }

    [Fact]
    public void Migrations_AreEmbeddedForBothDialects_InVersionOrder()
    {
        foreach (var dialect in new[] { SqlDialect.Sqlite, SqlDialect.Postgres })
        {
            var migrations = Migrator.Load(dialect);
            Assert.NotEmpty(migrations);
            Assert.Equal(migrations.Select(m => m.Version).Order(), migrations.Select(m => m.Version));
        }
    }
}
