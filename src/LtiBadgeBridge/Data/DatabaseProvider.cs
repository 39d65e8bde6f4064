namespace LtiBadgeBridge.Data;

/// <summary>The two databases the stores run on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
