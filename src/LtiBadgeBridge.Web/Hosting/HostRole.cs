namespace LtiBadgeBridge.Web.Hosting;

/// <summary>What one process of the service does. The same binary runs every role.</summary>
public enum HostRole
{
    /// <summary>HTTP and background jobs in one process: the embedded default.</summary>
    All,

    /// <summary>HTTP only; jobs are enqueued for workers.</summary>
    Web,

    /// <summary>Background jobs only (plus health and metrics endpoints).</summary>
    Worker,

    /// <summary>Apply database migrations and exit.</summary>
    Migrate,
}
