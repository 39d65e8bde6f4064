using System.Data.Common;
using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Merges placeholder people into real ones. A Canvas REST sync knows a learner only by the Canvas user id
/// and records them as <c>lms:canvas:{id}</c>; when a launch (custom <c>canvas_user_id</c>) or NRPS reveals
/// the real LTI <c>sub</c> of that user id, the placeholder's enrollments, scores, artifacts, rubric and
/// outcome results, decisions and awards move to the real person and the placeholder goes, in one
/// transaction. Where both hold a row for the same thing the real person's (newer) row wins. Running it
/// again changes nothing.
/// </summary>
public sealed class PersonAdoption(Database database)
{
    /// <summary>Adopts the placeholders of <paramref name="lmsUserId"/> into <paramref name="personId"/>; returns how many were merged.</summary>
    public Task<int> AdoptAsync(long platformId, long personId, string lmsUserId, CancellationToken cancellationToken) =>
        AdoptAsync(platformId, [(personId, lmsUserId)], cancellationToken);

    /// <summary>Adopts the placeholders of each (real person, LMS user id) pair; returns how many were merged.</summary>
    public async Task<int> AdoptAsync(long platformId, IReadOnlyCollection<(long PersonId, string LmsUserId)> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var placeholders = (await connection.QueryAsync<(long Id, string LmsUserId)>(new CommandDefinition(
            people.Count == 1
                ? "SELECT id, lms_user_id FROM people WHERE platform_id = @platformId AND lms_user_id = @lmsUserId AND lti_user_id LIKE 'lms:%'"
                : "SELECT id, lms_user_id FROM people WHERE platform_id = @platformId AND lms_user_id IS NOT NULL AND lti_user_id LIKE 'lms:%'",
            new { platformId, lmsUserId = people.First().LmsUserId }, cancellationToken: cancellationToken)))
            .ToLookup(p => p.LmsUserId, p => p.Id, StringComparer.Ordinal);
        var merges = people
            .SelectMany(p => placeholders[p.LmsUserId].Where(id => id != p.PersonId).Select(id => (Placeholder: id, Real: p.PersonId)))
            .ToList();
        if (merges.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (placeholder, real) in merges)
        {
            await MergeAsync(connection, transaction, placeholder, real, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return merges.Count;
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
