using Dapper;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Web.Admin;

/// <summary>Read-only views across courses that only the admin console needs.</summary>
public sealed class AdminQueries(Database database)
{
    public const int MaxAchievements = 1000;

    /// <summary>Achievements with their award counts; <paramref name="platformId"/> null lists every platform's.</summary>
    public async Task<IReadOnlyList<AchievementOverview>> AchievementsAsync(long? platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = platformId is null ? "" : "WHERE a.platform_id = @platformId";
        return (await connection.QueryAsync<AchievementOverview>(new CommandDefinition(
            $"""
            SELECT a.id, a.platform_id, p.name AS platform_name, a.course_id, c.title AS course_title, a.name, a.slug,
                   a.status, a.current_version, a.updated_at,
                   COUNT(CASE WHEN w.state = @earned THEN 1 END) AS earned,
                   COUNT(CASE WHEN w.state = @pending THEN 1 END) AS pending,
                   COUNT(CASE WHEN w.state = @revoked THEN 1 END) AS revoked
            FROM achievements a
            JOIN platforms p ON p.id = a.platform_id
            LEFT JOIN courses c ON c.id = a.course_id
            LEFT JOIN awards w ON w.achievement_id = a.id
            {where}
            GROUP BY a.id, a.platform_id, p.name, a.course_id, c.title, a.name, a.slug, a.status, a.current_version, a.updated_at
            ORDER BY p.name, c.title, a.name, a.id
            LIMIT @limit
            """,
            new { platformId, earned = AwardStates.Earned, pending = AwardStates.PendingApproval, revoked = AwardStates.Revoked, limit = MaxAchievements },
            cancellationToken: cancellationToken))).AsList();
    }
}
