using System.ComponentModel.DataAnnotations;

namespace LtiBadgeBridge.Data;

/// <summary>Where the service keeps its data. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// <c>sqlite</c> (the embedded default) or <c>postgres</c>. When empty the provider follows the
    /// connection string: none means SQLite in <see cref="DataDirectory"/>, one means PostgreSQL.
    /// </summary>
    [RegularExpression("^(|sqlite|postgres)$", ErrorMessage = "Database:Provider must be 'sqlite' or 'postgres' (or empty to infer it from Database:ConnectionString).")]
    public string? Provider { get; set; }

    /// <summary>A PostgreSQL connection string (or, with Provider=sqlite, an explicit SQLite one).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder for the embedded database, the JSON-LD context cache and other local files.</summary>
    [Required(ErrorMessage = "Database:DataDirectory is required: set it to a writable folder, e.g. ./data.")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations when the service starts (the embedded default does).</summary>
    public bool MigrateOnStart { get; set; } = true;

    internal DatabaseProvider ResolveProvider() => Provider switch
    {
        "postgres" => DatabaseProvider.Postgres,
        "sqlite" => DatabaseProvider.Sqlite,
        _ => string.IsNullOrWhiteSpace(ConnectionString) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres,
    };
}
