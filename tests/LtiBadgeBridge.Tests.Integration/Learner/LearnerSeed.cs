using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Testing.Issuance;

namespace LtiBadgeBridge.Tests.Integration.Learner;

/// <summary>Rows the rules engine and issuance would have written for one learner, written directly.</summary>
internal static class LearnerSeed
{
    public static readonly DateTimeOffset EarnedAt = new(2026, 6, 15, 14, 30, 0, TimeSpan.Zero);

    /// <summary>An active achievement of the course from the pilot definition under another name; returns its id.</summary>
    public static async Task<long> AchievementAsync(Database database, long platformId, long? courseId, string name, CancellationToken cancellationToken)
    {
        var definition = IssuanceSeed.PilotDefinition().Replace("name: Cloud Computing Fundamentals", "name: " + name, StringComparison.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        var slug = "badge-" + Guid.NewGuid().ToString("N")[..8];
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO achievements (platform_id, course_id, slug, name, created_at, updated_at) VALUES (@platformId, @courseId, @slug, @name, @now, @now) RETURNING id",
            new { platformId, courseId, slug, name, now = EarnedAt }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO achievement_versions (achievement_id, version, platform_id, definition, content_hash, created_at) VALUES (@id, 1, @platformId, @definition, @hash, @now)",
            new { id, platformId, definition, hash = "sha256:" + slug, now = EarnedAt }, cancellationToken: cancellationToken));
        return id;
    }

    public static async Task<long> AwardAsync(Database database, long platformId, long courseId, long achievementId, long personId, string state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO awards (platform_id, achievement_id, person_id, course_id, rule_version, state, result, evidence, earned_at)
            VALUES (@platformId, @achievementId, @personId, @courseId, 1, @state, @result, @evidence, @EarnedAt) RETURNING id
            """,
            new { platformId, achievementId, personId, courseId, state, result = IssuanceSeed.PilotResults, evidence = IssuanceSeed.PilotEvidence, EarnedAt },
            cancellationToken: cancellationToken));
    }

    public static async Task RevokeAsync(Database database, long awardId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE awards SET state = 'revoked', revoked_by = 'instructor', revoked_at = @at, revoked_reason = @reason WHERE id = @awardId",
            new { awardId, reason, at = EarnedAt.AddDays(3) }, cancellationToken: cancellationToken));
    }

    /// <summary>The decision the last evaluation stored: the capstone at 64 % of 70 %, the repository submitted.</summary>
    public static async Task DecisionAsync(Database database, long platformId, long courseId, long achievementId, long personId, CancellationToken cancellationToken)
    {
        var progress = new DecisionProgress
        {
            Version = "sha256:test",
            Outcome = "not_met",
            Summary = "1 criterion to go: Capstone: 64 % of 70 % needed",
            ShortBy = 1,
            Criteria =
            [
                new CriterionResult { Id = "root", Kind = "all", Label = "All of", Status = CriterionStatus.NotMet, IsGroup = true, Depth = 0, Requirement = "all", Explanation = "All of: 1 of 2 met, all needed" },
                new CriterionResult
                {
                    Id = "capstone", Kind = "itemScore", Label = "Capstone", Status = CriterionStatus.NotMet, Depth = 1, Blocking = true,
                    CurrentValue = 64, RequiredValue = 70, Unit = "%", Current = "64 %", Requirement = "70 %", Explanation = "Capstone: 64 % of 70 % needed",
                },
                new CriterionResult
                {
                    Id = "repository", Kind = "evidence", Label = "Capstone repository", Status = CriterionStatus.Met, Depth = 1,
                    CurrentValue = 1, RequiredValue = 1, Unit = "artifacts", Requirement = "a link", Explanation = "Capstone repository: your repository link submitted",
                },
            ],
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO decisions (platform_id, achievement_id, person_id, course_id, rule_version, outcome, progress, fingerprint, evaluated_at)
            VALUES (@platformId, @achievementId, @personId, @courseId, 1, 'not_met', @progress, 'test', @EarnedAt)
            """,
            new { platformId, achievementId, personId, courseId, progress = JsonSerializer.Serialize(progress, AchievementJson.Progress), EarnedAt },
            cancellationToken: cancellationToken));
    }
}
