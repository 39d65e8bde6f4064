using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace LtiBadgeBridge.Achievements;

/// <summary>A new award row (see the <c>awards</c> table).</summary>
internal sealed record NewAward(long AchievementId, long PersonId, int RuleVersion, string State, string Result, string Evidence);

/// <summary>An award row that was inserted by this writer.</summary>
internal sealed record InsertedAward(long Id, long AchievementId, long PersonId, string State);

/// <summary>
/// Multi-row writes of awards and their outbox intents, in the caller's transaction. Inserts use
/// <c>ON CONFLICT DO NOTHING</c> on the unique keys (awards per platform, person and achievement; outbox
/// per dedupe key), so two evaluations racing each other insert each award and each intent once.
/// </summary>
internal static class AwardWriter
{
    /// <summary>Rows per statement on SQLite, whose ADO.NET provider binds named parameters in quadratic time.</summary>
    public const int SqliteChunkSize = 50;

    /// <summary>Rows per statement on PostgreSQL (one round trip each).</summary>
    public const int PostgresChunkSize = 400;

    /// <summary>Inserts awards that do not exist yet and returns those this call inserted.</summary>
    public static async Task<List<InsertedAward>> InsertAwardsAsync(
        DbConnection connection, DbTransaction transaction, int chunkSize, long platformId, long courseId, IReadOnlyList<NewAward> awards, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = new List<InsertedAward>();
        for (var start = 0; start < awards.Count; start += chunkSize)
        {
            var count = Math.Min(chunkSize, awards.Count - start);
            var sql = new StringBuilder("INSERT INTO awards (platform_id, achievement_id, person_id, course_id, rule_version, state, result, evidence, earned_at) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("platformId", platformId);
            parameters.Add("courseId", courseId);
            parameters.Add("now", now);
            for (var i = 0; i < count; i++)
            {
                var award = awards[start + i];
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"(@platformId, @a{i}, @p{i}, @courseId, @v{i}, @s{i}, @r{i}, @e{i}, @now)");
                parameters.Add($"a{i}", award.AchievementId);
                parameters.Add($"p{i}", award.PersonId);
                parameters.Add($"v{i}", award.RuleVersion);
                parameters.Add($"s{i}", award.State);
                parameters.Add($"r{i}", award.Result);
                parameters.Add($"e{i}", award.Evidence);
            }

            sql.Append(" ON CONFLICT (platform_id, person_id, achievement_id) DO NOTHING RETURNING id, achievement_id, person_id, state");
            inserted.AddRange(await connection.QueryAsync<InsertedAward>(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken)));
        }

        return inserted;
    }

    /// <summary>Publishes one outbox message per award id (kind, dedupe <c>kind:{awardId}</c>, payload <c>{"awardId":..}</c>); returns how many were new.</summary>
    public static async Task<int> PublishAsync(
        DbConnection connection, DbTransaction transaction, int chunkSize, long platformId, string kind, IReadOnlyList<long> awardIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = 0;
        for (var start = 0; start < awardIds.Count; start += chunkSize)
        {
            var count = Math.Min(chunkSize, awardIds.Count - start);
            var sql = new StringBuilder("INSERT INTO outbox (platform_id, kind, dedupe_key, payload, created_at, available_at) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("platformId", platformId);
            parameters.Add("kind", kind);
            parameters.Add("now", now);
            for (var i = 0; i < count; i++)
            {
                var id = awardIds[start + i];
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@platformId, @kind, @k{i}, @j{i}, @now, @now)");
                parameters.Add($"k{i}", string.Create(CultureInfo.InvariantCulture, $"{kind}:{id}"));
                parameters.Add($"j{i}", EvaluationKeys.AwardPayload(id));
            }

            sql.Append(" ON CONFLICT (dedupe_key) DO NOTHING");
            added += await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
        }

        return added;
    }
}
