using System.Data.Common;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace LtiBadgeBridge.Data;

/// <summary>
/// Multi-row <c>INSERT ... ON CONFLICT DO UPDATE</c> in chunks, for the snapshot tables that sync writes
/// in bulk. An update happens only when a value actually differs, so writing the same data twice
/// changes nothing (and reports zero changed rows). Works on SQLite and PostgreSQL.
/// </summary>
public sealed class BatchWriter
{
    private readonly string _table;
    private readonly string[] _columns;
    private readonly string[] _conflictColumns;
    private readonly string[] _updateColumns;
    private readonly string? _touchColumn;

    /// <param name="table">The table.</param>
    /// <param name="columns">Every column written, in the order of each row's values.</param>
    /// <param name="conflictColumns">The unique key.</param>
    /// <param name="touchColumn">A timestamp column set on insert and on a real change (e.g. <c>updated_at</c>); it must be among <paramref name="columns"/>.</param>
    public BatchWriter(string table, string[] columns, string[] conflictColumns, string? touchColumn)
    {
        _table = table;
        _columns = columns;
        _conflictColumns = conflictColumns;
        _touchColumn = touchColumn;
        _updateColumns = columns.Where(c => !conflictColumns.Contains(c, StringComparer.Ordinal) && c != touchColumn).ToArray();
    }

    /// <summary>
    /// Columns whose stored value a null does not overwrite (e.g. a person's email that one source knows
    /// and another does not share): they change only when the row brings a value.
    /// </summary>
    public IReadOnlyCollection<string> KeepWhenNull { get; init; } = [];

    /// <summary>Rows per statement on PostgreSQL: keeps parameters well under its limit.</summary>
    public int ChunkSize { get; init; } = 500;

    /// <summary>Writes the rows and returns how many were inserted or actually changed.</summary>
    public async Task<int> WriteAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            return await WriteSqliteAsync(connection, transaction, dialect, rows, cancellationToken);
        }

        var changed = 0;
        var rowsPerStatement = ChunkSize;
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = BuildSql(dialect, count);
            var index = 0;
            for (var r = start; r < start + count; r++)
            {
                var row = rows[r];
                if (row.Length != _columns.Length)
                {
                    throw new ArgumentException($"A row for {_table} has {row.Length} values; {_columns.Length} columns are written.", nameof(rows));
                }

                foreach (var value in row)
                {
                    command.Parameters.Add(CreateParameter(command, dialect, $"p{index++}", value));
                }
            }

            changed += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return changed;
    }

    /// <summary>
    /// SQLite: one single-row statement, prepared once and re-bound per row inside the caller's transaction.
    /// Microsoft.Data.Sqlite binds each named parameter with a linear lookup, so a multi-row statement's
    /// binding cost grows with the square of its parameter count; a reused single-row statement avoids
    /// both that and re-preparing (sync of 500 learners x 40: see docs/benchmarks.md).
    /// </summary>
    private async Task<int> WriteSqliteAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BuildSql(dialect, 1);
        var parameters = new DbParameter[_columns.Length];
        for (var c = 0; c < parameters.Length; c++)
        {
            parameters[c] = CreateParameter(command, dialect, $"p{c}", null);
            command.Parameters.Add(parameters[c]);
        }

        var changed = 0;
        foreach (var row in rows)
        {
            if (row.Length != _columns.Length)
            {
                throw new ArgumentException($"A row for {_table} has {row.Length} values; {_columns.Length} columns are written.", nameof(rows));
            }

            for (var c = 0; c < row.Length; c++)
            {
                parameters[c].Value = SqliteValue(row[c]);
            }

            changed += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return changed;
    }

    private string BuildSql(SqlDialect dialect, int rowCount)
    {
        var sql = new StringBuilder();
        sql.Append("INSERT INTO ").Append(_table).Append(" (").AppendJoin(", ", _columns).Append(") VALUES ");
        var index = 0;
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append(index++);
            }

            sql.Append(')');
        }

        sql.Append(" ON CONFLICT (").AppendJoin(", ", _conflictColumns).Append(')');
        if (_updateColumns.Length == 0)
        {
            return sql.Append(" DO NOTHING").ToString();
        }

        sql.Append(" DO UPDATE SET ").AppendJoin(", ", _updateColumns.Select(c => KeepWhenNull.Contains(c)
            ? $"{c} = COALESCE(excluded.{c}, {_table}.{c})"
            : $"{c} = excluded.{c}"));
        if (_touchColumn is not null)
        {
            sql.Append(", ").Append(_touchColumn).Append(" = excluded.").Append(_touchColumn);
        }

        sql.Append(" WHERE ").AppendJoin(" OR ", _updateColumns.Select(c => KeepWhenNull.Contains(c)
            ? $"(excluded.{c} IS NOT NULL AND {dialect.NullSafeDiffers($"{_table}.{c}", $"excluded.{c}")})"
            : dialect.NullSafeDiffers($"{_table}.{c}", $"excluded.{c}")));
        return sql.ToString();
    }

    private static DbParameter CreateParameter(DbCommand command, SqlDialect dialect, string name, object? value)
    {
        if (dialect.Provider == DatabaseProvider.Postgres)
        {
            return value switch
            {
                DateTimeOffset dto => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = DapperSetup.ToStorage(dto) },
                null => new NpgsqlParameter(name, DBNull.Value),
                _ => new NpgsqlParameter(name, value),
            };
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = SqliteValue(value);
        return parameter;
    }

    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset dto => DapperSetup.ToSqliteText(dto),
        bool b => b ? 1L : 0L,
        Guid g => g.ToString("D"),
        _ => value,
    };
}
