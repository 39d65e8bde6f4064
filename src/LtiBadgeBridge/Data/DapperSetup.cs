using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace LtiBadgeBridge.Data;

/// <summary>
/// Dapper's global type handling. Timestamps are UTC <see cref="DateTimeOffset"/> values truncated to
/// microseconds: PostgreSQL stores them as <c>timestamptz</c>, SQLite as sortable ISO-8601 text
/// (<c>2026-01-02T03:04:05.123456Z</c>), and both read back exactly what was written.
/// </summary>
internal static class DapperSetup
{
    private const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private static int _configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new GuidHandler());
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>Truncates to whole microseconds, the precision both databases keep.</summary>
    public static DateTimeOffset ToStorage(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string ToSqliteText(DateTimeOffset value) =>
        ToStorage(value).ToString(SqliteFormat, CultureInfo.InvariantCulture);

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.TimestampTz;
                npgsql.Value = ToStorage(value);
            }
            else
            {
                parameter.DbType = DbType.String;
                parameter.Value = ToSqliteText(value);
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset dto => dto.ToUniversalTime(),
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            long unixMilliseconds => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds),
            _ => throw new DataException($"Cannot read a timestamp from a {value.GetType().Name}."),
        };
    }

    /// <summary>SQLite has no uuid type: Guids are stored as lowercase text there.</summary>
    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.Uuid;
                npgsql.Value = value;
            }
            else
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a Guid from a {value.GetType().Name}."),
        };
    }
}
