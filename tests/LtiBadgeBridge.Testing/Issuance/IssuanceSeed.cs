using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Testing.Issuance;

/// <summary>
/// Rows issuance reads, written directly: a course, an achievement with a version (a definition file's text),
/// people and earned awards with results and evidence as the rules engine serializes them.
/// </summary>
public static class IssuanceSeed
{
    public const string PilotResults =
        """[{"criterionId":"course-grade","name":"Course grade","resultType":"Percent","value":"86"},{"criterionId":"capstone-rubric","name":"Capstone workshop","resultType":"RubricCriterionLevel","value":"Exemplary","itemId":"20010"}]""";

    public const string PilotEvidence =
        """[{"itemId":"20010","type":"Url","url":"https://github.com/learner-7/cloud-capstone","attempt":1,"submittedAt":"2026-06-10T12:00:00+00:00"}]""";

    /// <summary>The pilot achievement definition (config/achievements/cloud-computing.yaml).</summary>
    public static string PilotDefinition()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "config", "achievements", "cloud-computing.yaml")))
        {
            directory = directory.Parent;
        }

        return File.ReadAllText(Path.Combine(directory?.FullName ?? throw new InvalidOperationException("config/achievements not found above the test folder."), "config", "achievements", "cloud-computing.yaml"));
    }

    /// <summary>A course and an achievement (version 1 = <paramref name="definition"/>) on the platform; returns the achievement id.</summary>
    public static async Task<(long CourseId, long AchievementId)> AchievementAsync(Database database, long platformId, string definition, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        var context = "ctx-" + Guid.NewGuid().ToString("N");
        var courseId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO courses (platform_id, deployment_id, context_id, title, created_at, updated_at) VALUES (@platformId, 'dep-1', @context, 'Cloud Computing', @now, @now) RETURNING id",
            new { platformId, context, now }, cancellationToken: cancellationToken));
        var slug = "cloud-computing-" + Guid.NewGuid().ToString("N")[..8];
        var achievementId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO achievements (platform_id, course_id, slug, name, created_at, updated_at) VALUES (@platformId, @courseId, @slug, 'Cloud Computing Fundamentals', @now, @now) RETURNING id",
            new { platformId, courseId, slug, now }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO achievement_versions (achievement_id, version, platform_id, definition, content_hash, created_at) VALUES (@achievementId, 1, @platformId, @definition, 'test', @now)",
            new { achievementId, platformId, definition, now }, cancellationToken: cancellationToken));
        return (courseId, achievementId);
    }

    /// <summary>Creates <paramref name="count"/> learners with earned awards; returns the award ids.</summary>
    public static async Task<IReadOnlyList<long>> AwardsAsync(
        Database database, long platformId, long courseId, long achievementId, int count, CancellationToken cancellationToken,
        string? result = PilotResults, string? evidence = PilotEvidence, string state = "earned")
    {
        var earnedAt = new DateTimeOffset(2026, 6, 15, 14, 30, 0, TimeSpan.Zero);
        var ids = new List<long>(count);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var sub = "sub-" + Guid.NewGuid().ToString("N");
            var personId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO people (platform_id, lti_user_id, name, email, created_at, updated_at) VALUES (@platformId, @sub, @name, @email, @now, @now) RETURNING id",
                new { platformId, sub, name = $"Learner {i}", email = $"{sub}@example.edu", now = earnedAt }, transaction, cancellationToken: cancellationToken));
            ids.Add(await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO awards (platform_id, achievement_id, person_id, course_id, rule_version, state, result, evidence, earned_at)
                VALUES (@platformId, @achievementId, @personId, @courseId, 1, @state, @result, @evidence, @earnedAt) RETURNING id
                """,
                new { platformId, achievementId, personId, courseId, state, result, evidence, earnedAt }, transaction, cancellationToken: cancellationToken)));
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }
}
