using Dapper;
using LtiBadgeBridge.Testing.Databases;

namespace LtiBadgeBridge.Tests.Contract.Data;

public abstract class TimestampContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    [Fact]
    public async Task Timestamp_WithMicroseconds_ReadsBackExactlyInUtc()
    {
        var ct = TestContext.Current.CancellationToken;
        var written = new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.FromHours(-5)).AddTicks(5_358_970);
        await using var connection = await fixture.Database.OpenAsync(ct);
        await connection.ExecuteAsync("INSERT INTO audit_log (platform_id, occurred_at, actor, action) VALUES (NULL, @written, 'test', 'timestamp')", new { written });

        var read = await connection.QuerySingleAsync<DateTimeOffset>("SELECT occurred_at FROM audit_log WHERE action = 'timestamp'");

        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(written.UtcTicks - (written.UtcTicks % 10), read.UtcTicks);
    }

    [Fact]
    public async Task Timestamps_CompareChronologicallyInSql()
    {
        var ct = TestContext.Current.CancellationToken;
        var eveningInBrazil = new DateTimeOffset(2026, 1, 1, 23, 0, 0, TimeSpan.FromHours(-2));
        var halfPastMidnightUtc = new DateTimeOffset(2026, 1, 2, 0, 30, 0, TimeSpan.Zero);
        await using var connection = await fixture.Database.OpenAsync(ct);
        await connection.ExecuteAsync("INSERT INTO audit_log (platform_id, occurred_at, actor, action) VALUES (NULL, @eveningInBrazil, 'test', 'order-a'), (NULL, @halfPastMidnightUtc, 'test', 'order-b')", new { eveningInBrazil, halfPastMidnightUtc });

        var first = await connection.QuerySingleAsync<string>("SELECT action FROM audit_log WHERE action LIKE 'order-%' ORDER BY occurred_at LIMIT 1");

        Assert.Equal("order-b", first);
    }
}

public sealed class TimestampOnSqlite(SqliteDatabase fixture) : TimestampContract<SqliteDatabase>(fixture);

public sealed class TimestampOnPostgres(PostgresDatabase fixture) : TimestampContract<PostgresDatabase>(fixture);
