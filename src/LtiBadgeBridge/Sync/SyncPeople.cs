using System.Globalization;
using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Finds our people for LMS user ids. People are keyed by the LTI <c>sub</c>; the LMS's own user id is
/// <c>people.lms_user_id</c>, set by a launch (Canvas <c>$Canvas.user.id</c>, Moodle user id) or by
/// sync. An LMS user no launch has told us about yet gets a provisional key <c>lms:{platform}:{id}</c>.
/// </summary>
internal static class SyncPeople
{
    public static string ProvisionalLtiUserId(string lmsKind, string lmsUserId) => "lms:" + lmsKind + ":" + lmsUserId;

    /// <summary>True for a placeholder key made by <see cref="ProvisionalLtiUserId"/>.</summary>
    public static bool IsProvisional(string ltiUserId) => ltiUserId.StartsWith("lms:", StringComparison.Ordinal);

    /// <summary>LMS user id → (person id, LTI user id) for every person of the platform who has one.</summary>
    public static async Task<Dictionary<string, (long PersonId, string LtiUserId)>> ByLmsUserIdAsync(Database database, long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string LtiUserId, string LmsUserId)>(new CommandDefinition(
            "SELECT id, lti_user_id, lms_user_id FROM people WHERE platform_id = @platformId AND lms_user_id IS NOT NULL",
            new { platformId }, cancellationToken: cancellationToken));
        var map = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // A launched person (real sub) wins over a provisional one with the same LMS id.
            if (!map.TryGetValue(row.LmsUserId, out var existing) || existing.Item2.StartsWith("lms:", StringComparison.Ordinal))
            {
                map[row.LmsUserId] = (row.Id, row.LtiUserId);
            }
        }

        return map;
    }

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
