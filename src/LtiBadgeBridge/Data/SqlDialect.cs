namespace LtiBadgeBridge.Data;

/// <summary>
/// The few places where SQLite and PostgreSQL SQL differ. Everything else is written once: both accept
/// <c>INSERT ... ON CONFLICT (...) DO UPDATE/NOTHING</c>, <c>RETURNING</c>, <c>LIMIT/OFFSET</c>.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The migrations folder (embedded resource prefix) for this dialect.</summary>
    public abstract string MigrationsFolder { get; }

    /// <summary>Row-locking clause for "claim the next rows" queries; SQLite serialises writers anyway.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>True when two values differ, treating two nulls as equal.</summary>
    public abstract string NullSafeDiffers(string left, string right);

    /// <summary>A case-insensitive "contains" predicate for the given column and parameter.</summary>
    public abstract string ContainsIgnoreCase(string column, string parameter);

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string MigrationsFolder => "sqlite";
        public override string ForUpdateSkipLocked => "";
        public override string ContainsIgnoreCase(string column, string parameter) =>
            $"instr(lower({column}), lower({parameter})) > 0";
        public override string NullSafeDiffers(string left, string right) => $"{left} IS NOT {right}";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;
        public override string MigrationsFolder => "postgres";
        public override string ForUpdateSkipLocked => "FOR UPDATE SKIP LOCKED";
        public override string ContainsIgnoreCase(string column, string parameter) =>
            $"strpos(lower({column}), lower({parameter})) > 0";
        public override string NullSafeDiffers(string left, string right) => $"{left} IS DISTINCT FROM {right}";
    }
}
