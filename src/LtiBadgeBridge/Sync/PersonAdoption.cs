using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Outbox;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Merges placeholder people into real ones. A Canvas REST sync knows a learner only by the Canvas user id
/// and records them as <c>lms:canvas:{id}</c>; when a launch (custom <c>canvas_user_id</c>) or NRPS reveals
/// the real LTI <c>sub</c> of that user id, the placeholder's enrollments, scores, artifacts, rubric and
/// outcome results, decisions and awards move to the real person and the placeholder goes, in one
/// transaction. Where both hold a row for the same thing the real person's (newer) row wins. Running it
/// again changes nothing.
/// <para>
/// A running sync holds the ids of the placeholders it made and writes to them until it ends, so a merge
/// never runs while a sync of the platform holds its lease: the check and the merge are serialised with
/// taking a lease (<see cref="SyncRunStore.LockPeopleAsync"/>), and a merge that meets a running sync is
/// recorded as pending instead (an <c>adopt-person</c> outbox message) and applied when the sync ends
/// (<see cref="TryApplyPendingAsync"/>, which the sync job calls after releasing its lease and before it asks
/// for the course's evaluation), or by the <c>adopt-person</c> handler on a later attempt. A launch never waits
/// for a sync.
/// </para>
/// </summary>
public sealed class PersonAdoption(Database database, SyncRunStore runs, OutboxStore outbox)
{
    public const string AdoptKind = "adopt-person";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adopts the placeholders of <paramref name="lmsUserId"/> into <paramref name="personId"/> now, or records the
    /// adoption as pending while a sync of the platform runs; returns how many were merged now.
    /// </summary>
    public Task<int> AdoptAsync(long platformId, long personId, string lmsUserId, CancellationToken cancellationToken) =>
        AdoptAsync(platformId, [(personId, lmsUserId)], cancellationToken);

    /// <summary>Adopts the placeholders of each (real person, LMS user id) pair, or records them as pending; returns how many were merged now.</summary>
    public Task<int> AdoptAsync(long platformId, IReadOnlyCollection<(long PersonId, string LmsUserId)> people, CancellationToken cancellationToken) =>
        AdoptAsync(platformId, people, 0, cancellationToken);

    /// <summary>
    /// As <see cref="AdoptAsync(long, IReadOnlyCollection{ValueTuple{long, string}}, CancellationToken)"/> for a sync
    /// run that holds the lease of <paramref name="syncingCourseId"/>: its own run is not in the way (it reads the
    /// merged people afterwards), only the other runs of the platform are.
    /// </summary>
    public async Task<int> AdoptAsync(long platformId, IReadOnlyCollection<(long PersonId, string LmsUserId)> people, long syncingCourseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);

        // Most launches have nothing to merge: find out without taking the lock.
        if ((await FindMergesAsync(connection, null, platformId, people, cancellationToken)).Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SyncRunStore.LockPeopleAsync(database, connection, transaction, platformId, cancellationToken);
        var merges = await FindMergesAsync(connection, transaction, platformId, people, cancellationToken);
        if (merges.Count > 0 && await runs.AnyRunningAsync(connection, transaction, platformId, syncingCourseId, cancellationToken))
        {
            foreach (var group in merges.GroupBy(m => m.Real))
            {
                var placeholders = string.Join(',', group.Select(m => m.Placeholder).Order());
                var key = string.Create(CultureInfo.InvariantCulture, $"{AdoptKind}:{platformId}:{group.Key}:{placeholders}");
                var lmsUserId = people.First(p => p.PersonId == group.Key).LmsUserId;
                var payload = JsonSerializer.Serialize(new PendingAdoption { PersonId = group.Key, LmsUserId = lmsUserId }, Json);
                await outbox.EnqueueAsync(connection, transaction, platformId, AdoptKind, key, payload, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        foreach (var (placeholder, real) in merges)
        {
            await MergeAsync(connection, transaction, placeholder, real, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return merges.Count;
    }

    /// <summary>
    /// Applies the platform's pending adoptions unless a sync of the platform still runs. Returns false when one
    /// does (they stay pending), true when none is left.
    /// </summary>
    public async Task<bool> TryApplyPendingAsync(long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SyncRunStore.LockPeopleAsync(database, connection, transaction, platformId, cancellationToken);
        var pending = (await connection.QueryAsync<(long Id, string Payload)>(new CommandDefinition(
            "SELECT id, payload FROM outbox WHERE platform_id = @platformId AND kind = @kind AND processed_at IS NULL ORDER BY id",
            new { platformId, kind = AdoptKind }, transaction, cancellationToken: cancellationToken))).AsList();
        if (pending.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        if (await runs.AnyRunningAsync(connection, transaction, platformId, 0, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var people = pending
            .Select(p => Parse(p.Payload))
            .OfType<PendingAdoption>()
            .Select(p => (p.PersonId, p.LmsUserId))
            .Distinct()
            .ToList();
        var existing = people.Count == 0 ? [] : (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT id FROM people WHERE platform_id = @platformId AND id IN ({string.Join(',', people.Select(p => p.PersonId.ToString(CultureInfo.InvariantCulture)))})",
            new { platformId }, transaction, cancellationToken: cancellationToken))).ToHashSet();
        foreach (var (placeholder, real) in await FindMergesAsync(connection, transaction, platformId, [.. people.Where(p => existing.Contains(p.PersonId))], cancellationToken))
        {
            await MergeAsync(connection, transaction, placeholder, real, cancellationToken);
        }

        foreach (var (id, _) in pending)
        {
            await outbox.MarkProcessedAsync(connection, transaction, id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static PendingAdoption? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<PendingAdoption>(payload, Json);
        }
        catch (JsonException)
        {
            return null; // unreadable: nothing to apply, and it must not block the others
        }
    }

    /// <summary>The (placeholder, real person) pairs to merge: placeholders that carry the LMS user id of a real person.</summary>
    private static async Task<List<(long Placeholder, long Real)>> FindMergesAsync(
        DbConnection connection, DbTransaction? transaction, long platformId, IReadOnlyCollection<(long PersonId, string LmsUserId)> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var placeholders = (await connection.QueryAsync<(long Id, string LmsUserId)>(new CommandDefinition(
            people.Count == 1
                ? "SELECT id, lms_user_id FROM people WHERE platform_id = @platformId AND lms_user_id = @lmsUserId AND lti_user_id LIKE 'lms:%'"
                : "SELECT id, lms_user_id FROM people WHERE platform_id = @platformId AND lms_user_id IS NOT NULL AND lti_user_id LIKE 'lms:%'",
            new { platformId, lmsUserId = people.First().LmsUserId }, transaction, cancellationToken: cancellationToken)))
            .ToLookup(p => p.LmsUserId, p => p.Id, StringComparer.Ordinal);
        return people
            .SelectMany(p => placeholders[p.LmsUserId].Where(id => id != p.PersonId).Select(id => (Placeholder: id, Real: p.PersonId)))
            .Distinct()
            .ToList();
    }

    private static async Task MergeAsync(DbConnection connection, DbTransaction transaction, long placeholder, long real, CancellationToken cancellationToken)
    {
        var args = new { placeholder, real };

        // The launch's enrollment has the roles; the synced one has the course scores.
        await Execute(
            """
            UPDATE enrollments SET
              current_score = COALESCE(current_score, (SELECT e.current_score FROM enrollments e WHERE e.course_id = enrollments.course_id AND e.person_id = @placeholder)),
              final_score = COALESCE(final_score, (SELECT e.final_score FROM enrollments e WHERE e.course_id = enrollments.course_id AND e.person_id = @placeholder))
            WHERE person_id = @real AND course_id IN (SELECT course_id FROM enrollments WHERE person_id = @placeholder)
            """);
        foreach (var (table, keys) in Tables)
        {
            var same = string.Join(" AND ", keys.Select(k => $"x.{k} = {table}.{k}"));
            await Execute($"UPDATE {table} SET person_id = @real WHERE person_id = @placeholder AND NOT EXISTS (SELECT 1 FROM {table} x WHERE x.person_id = @real AND {same})");
            if (table != "awards")
            {
                await Execute($"DELETE FROM {table} WHERE person_id = @placeholder");
            }
        }

        // An award both people hold stays with the placeholder (a credential was issued to it): keep that row, unlinked.
        await Execute("DELETE FROM people WHERE id = @placeholder AND NOT EXISTS (SELECT 1 FROM awards WHERE person_id = @placeholder)");
        await Execute("UPDATE people SET lms_user_id = NULL WHERE id = @placeholder");

        Task Execute(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The tables that point at a person, with the columns that make a row unique besides the person.</summary>
    private static readonly (string Table, string[] Keys)[] Tables =
    [
        ("enrollments", ["course_id"]),
        ("scores", ["item_id"]),
        ("artifacts", ["item_id", "artifact_key"]),
        ("rubric_results", ["item_id", "criterion_id"]),
        ("outcome_results", ["course_id", "outcome_id"]),
        ("decisions", ["achievement_id"]),
        ("awards", ["platform_id", "achievement_id"]),
    ];
}

/// <summary>Payload of an <c>adopt-person</c> message: merge the placeholders of <see cref="LmsUserId"/> into <see cref="PersonId"/>.</summary>
internal sealed record PendingAdoption
{
    public required long PersonId { get; init; }

    public required string LmsUserId { get; init; }
}
