using System.Data.Common;

namespace LtiBadgeBridge.Issuance;

/// <summary>"column is one of a list" in each dialect: PostgreSQL takes an array parameter, SQLite a Dapper-expanded list.</summary>
internal static class SqlLists
{
    public static string In(DbConnection connection, string column, string parameter) =>
        connection is Npgsql.NpgsqlConnection ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";
}
