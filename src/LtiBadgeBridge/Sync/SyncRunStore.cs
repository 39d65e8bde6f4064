using System.Data.Common;
using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// The <c>sync_runs</c> row of each course: a lease so that one sync per course runs at a time, the
/// checkpoint an interrupted sync resumes from, and the progress and last error the instructor sees.
/// </summary>
public sealed class SyncRunStore(Database database, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The advisory lock keys of <see cref="LockPeopleAsync"/>: "SYNC" in the high half, the platform below.</summary>
    private const long PeopleLockSpace = 0x5359_4E43L << 32;

    /// <summary>
    /// Takes the course's lease for <paramref name="leaseFor"/> unless another run holds it or the
    /// course was stopped. Returns the run's state (with the checkpoint to resume from), or null when
    /// the lease is taken.
    /// </summary>
    public async Task<SyncStatus?> TryAcquireAsync(long platformId, long courseId, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockPeopleAsync(database, connection, transaction, platformId, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sync_runs (course_id, platform_id, status) VALUES (@courseId, @platformId, 'idle') ON CONFLICT (course_id) DO NOTHING",
            new { courseId, platformId }, transaction, cancellationToken: cancellationToken));
        var taken = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sync_runs SET status = 'running', lease_until = @until, finished_at = NULL,
              started_at = CASE WHEN checkpoint IS NULL THEN @now ELSE started_at END,
              pages_done = CASE WHEN checkpoint IS NULL THEN 0 ELSE pages_done END,
              items_done = CASE WHEN checkpoint IS NULL THEN 0 ELSE items_done END
            WHERE course_id = @courseId AND status <> 'stopped' AND (lease_until IS NULL OR lease_until < @now)
            """,
            new { courseId, now, until = now + leaseFor }, transaction, cancellationToken: cancellationToken));
        SyncStatus? status = null;
        if (taken == 1)
        {
            status = await ReadAsync(connection, transaction, courseId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return status;
    }

    /// <summary>
    /// Serialises, per platform, taking a sync lease with merging people (<see cref="PersonAdoption"/>) until the
    /// caller's transaction ends: a run that holds a lease may hold placeholder person ids, so a merge either
    /// commits before the lease is taken (the run then reads the merged people) or sees the lease and waits.
    /// PostgreSQL: a transaction-scoped advisory lock. SQLite: nothing to do, its transactions begin
    /// <c>IMMEDIATE</c> and so already run one writer at a time.
    /// </summary>
    internal static Task LockPeopleAsync(Database database, DbConnection connection, DbTransaction transaction, long platformId, CancellationToken cancellationToken) =>
        database.Provider == DatabaseProvider.Postgres
            ? connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = PeopleLockSpace | (platformId & 0xFFFF_FFFFL) }, transaction, cancellationToken: cancellationToken))
            : Task.CompletedTask;

    /// <summary>
    /// True when a sync of the platform holds a live lease, other than the one of <paramref name="exceptCourseId"/>
    /// (the caller's own run). Call it under <see cref="LockPeopleAsync"/>.
    /// </summary>
    internal async Task<bool> AnyRunningAsync(DbConnection connection, DbTransaction transaction, long platformId, long exceptCourseId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sync_runs WHERE platform_id = @platformId AND course_id <> @exceptCourseId AND lease_until IS NOT NULL AND lease_until >= @now",
            new { platformId, exceptCourseId, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken)) > 0;

    /// <summary>
    /// Records a finished page in the caller's transaction (with the page's rows): the checkpoint to
    /// resume from, the progress, and a renewed lease.
    /// </summary>
    public Task SavePageAsync(
        DbConnection connection,
        DbTransaction? transaction,
        long courseId,
        SyncCheckpoint checkpoint,
        int items,
        TimeSpan leaseFor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var now = timeProvider.GetUtcNow();
        return connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sync_runs SET phase = @phase, checkpoint = @checkpoint, pages_done = pages_done + 1,
              items_done = items_done + @items, lease_until = @until
            WHERE course_id = @courseId
            """,
            new { courseId, phase = checkpoint.Phase, checkpoint = JsonSerializer.Serialize(checkpoint, Json), items, until = now + leaseFor },
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Records a phase change (no page done) and renews the lease.</summary>
    public async Task SavePhaseAsync(long courseId, SyncCheckpoint checkpoint, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_runs SET phase = @phase, checkpoint = @checkpoint, lease_until = @until WHERE course_id = @courseId",
            new { courseId, phase = checkpoint.Phase, checkpoint = JsonSerializer.Serialize(checkpoint, Json), until = now + leaseFor },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The run succeeded: clears the checkpoint, records the moment later incremental reads start from, releases the lease.
    /// A warning (an optional part the LMS refused) stays visible as the last error while the status is <c>succeeded</c>.
    /// </summary>
    public async Task SucceedAsync(long courseId, DateTimeOffset runStartedAt, string? warningCode, string? warning, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sync_runs SET status = 'succeeded', phase = 'done', checkpoint = NULL, last_error = @warning, last_error_code = @warningCode,
              finished_at = @now, last_success_at = @runStartedAt, lease_until = NULL
            WHERE course_id = @courseId
            """,
            new { courseId, runStartedAt, now = timeProvider.GetUtcNow(), warning, warningCode },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The run ended without success: keeps the checkpoint (a later run resumes there), records the error
    /// in plain words with its code, and releases the lease. <paramref name="status"/> is
    /// <see cref="SyncStates.Failed"/>, <see cref="SyncStates.Paused"/> or <see cref="SyncStates.Stopped"/>.
    /// </summary>
    public async Task FailAsync(long courseId, string status, string code, string message, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sync_runs SET status = @status, last_error = @message, last_error_code = @code, finished_at = @now, lease_until = NULL
            WHERE course_id = @courseId
            """,
            new { courseId, status, code, message, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Clears a pause (e.g. after the course was connected again) so the next run proceeds.</summary>
    public async Task ResumeAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_runs SET status = 'idle', last_error = NULL, last_error_code = NULL WHERE course_id = @courseId AND status = 'paused'",
            new { courseId }, cancellationToken: cancellationToken));
    }

    public async Task<SyncStatus?> GetAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, courseId, cancellationToken);
    }

    /// <summary>The checkpoint stored in a status, parsed.</summary>
    public static SyncCheckpoint? CheckpointOf(SyncStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Checkpoint is null ? null : JsonSerializer.Deserialize<SyncCheckpoint>(status.Checkpoint, Json);
    }

    /// <summary>
    /// Courses whose scheduled sync is due: sync enabled, not deleted, not paused or stopped, and the last
    /// success older than the course's interval (or <paramref name="defaultInterval"/>).
    /// </summary>
    public async Task<IReadOnlyList<(long PlatformId, long CourseId)>> ListDueAsync(TimeSpan defaultInterval, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DueRow>(new CommandDefinition(
            """
            SELECT c.id AS course_id, c.platform_id, c.sync_interval_minutes, r.status, r.last_success_at
            FROM courses c LEFT JOIN sync_runs r ON r.course_id = c.id
            WHERE c.sync_enabled = @enabled AND c.lms_state <> 'deleted'
            ORDER BY c.id
            """,
            new { enabled = true },
            cancellationToken: cancellationToken));
        return rows
            .Where(r => r.Status is not (SyncStates.Paused or SyncStates.Stopped))
            .Where(r => r.LastSuccessAt is null ||
                r.LastSuccessAt.Value + (r.SyncIntervalMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : defaultInterval) <= now)
            .Select(r => (r.PlatformId, r.CourseId))
            .ToList();
    }

    private static Task<SyncStatus?> ReadAsync(DbConnection connection, DbTransaction? transaction, long courseId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<SyncStatus?>(new CommandDefinition(
            """
            SELECT course_id, platform_id, status, phase, pages_done, items_done, checkpoint, last_error, last_error_code,
                   started_at, finished_at, last_success_at, lease_until
            FROM sync_runs WHERE course_id = @courseId
            """,
            new { courseId }, transaction, cancellationToken: cancellationToken));

    private sealed class DueRow
    {
        public long CourseId { get; init; }
        public long PlatformId { get; init; }
        public int? SyncIntervalMinutes { get; init; }
        public string? Status { get; init; }
        public DateTimeOffset? LastSuccessAt { get; init; }
    }
}
