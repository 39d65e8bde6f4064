using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Gradebook;

/// <summary>
/// The gradebook side of awards: the AGS line item remembered per (course, achievement), and the record of each
/// score event (issued, revoked) of an award, written in the same transaction that marks its outbox message done.
/// </summary>
public sealed class GradebookStore(Database database, TimeProvider timeProvider)
{
    public async Task<ScoreTarget?> LoadTargetAsync(long awardId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScoreTarget>(new CommandDefinition(
            """
            SELECT a.id AS award_id, a.platform_id, a.achievement_id, a.course_id, a.state AS award_state, ach.name AS achievement_name,
                   c.ags_lineitems_url, p.lti_user_id, p.lms_user_id, cr.public_id, cr.issued_at, cr.revoked_at, cr.revocation_reason
            FROM awards a
            JOIN achievements ach ON ach.id = a.achievement_id
            JOIN people p ON p.id = a.person_id
            LEFT JOIN courses c ON c.id = a.course_id
            LEFT JOIN credentials cr ON cr.award_id = a.id
            WHERE a.id = @awardId
            """,
            new { awardId }, cancellationToken: cancellationToken));
    }

    /// <summary>The LTI user id (<c>sub</c>) a launch recorded for the person with this LMS user id, when a sync only
    /// knew them by the LMS's own id; null when they never launched the tool.</summary>
    public async Task<string?> FindLaunchedUserIdAsync(long platformId, string? lmsUserId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(lmsUserId))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT lti_user_id FROM people WHERE platform_id = @platformId AND lms_user_id = @lmsUserId AND lti_user_id NOT LIKE 'lms:%' ORDER BY id LIMIT 1",
            new { platformId, lmsUserId }, cancellationToken: cancellationToken));
    }

    /// <summary>The recorded state of a score event, or null when it was never handled.</summary>
    public async Task<string?> FindRecordedAsync(long awardId, string scoreEvent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT state FROM gradebook_scores WHERE award_id = @awardId AND event = @scoreEvent",
            new { awardId, scoreEvent }, cancellationToken: cancellationToken));
    }

    /// <summary>The latest timestamp posted for the award (its learner on its line item), or null.</summary>
    public async Task<DateTimeOffset?> LastPostedAsync(long awardId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stamps = await connection.QueryAsync<DateTimeOffset>(new CommandDefinition(
            "SELECT score_timestamp FROM gradebook_scores WHERE award_id = @awardId AND state = 'posted' AND score_timestamp IS NOT NULL",
            new { awardId }, cancellationToken: cancellationToken));
        return stamps.Select(s => (DateTimeOffset?)s).Max();
    }

    public async Task<string?> GetLineItemAsync(long courseId, long achievementId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT line_item_url FROM gradebook_line_items WHERE course_id = @courseId AND achievement_id = @achievementId",
            new { courseId, achievementId }, cancellationToken: cancellationToken));
    }

    /// <summary>Remembers the line item of (course, achievement); the first one stored wins and is returned.</summary>
    public async Task<string> SaveLineItemAsync(long platformId, long courseId, long achievementId, string lineItemUrl, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO gradebook_line_items (course_id, achievement_id, platform_id, line_item_url, created_at)
            VALUES (@courseId, @achievementId, @platformId, @lineItemUrl, @now)
            ON CONFLICT (course_id, achievement_id) DO NOTHING
            """,
            new { courseId, achievementId, platformId, lineItemUrl, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT line_item_url FROM gradebook_line_items WHERE course_id = @courseId AND achievement_id = @achievementId",
            new { courseId, achievementId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records what became of a score event and marks its outbox message processed, in one transaction
    /// (a failure keeps its reason in <c>outbox.last_error</c> too).</summary>
    public async Task RecordAsync(ScoreTarget target, string scoreEvent, string state, DateTimeOffset? timestamp, string? detail, long outboxId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var now = timeProvider.GetUtcNow();
        detail = detail is { Length: > 1000 } ? detail[..1000] : detail;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO gradebook_scores (award_id, event, platform_id, course_id, state, score_timestamp, detail, recorded_at)
            VALUES (@awardId, @scoreEvent, @platformId, @courseId, @state, @timestamp, @detail, @now)
            ON CONFLICT (award_id, event) DO NOTHING
            """,
            new { awardId = target.AwardId, scoreEvent, platformId = target.PlatformId, courseId = target.CourseId, state, timestamp, detail, now },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET processed_at = @now, locked_until = NULL, last_error = @error WHERE id = @outboxId",
            new { outboxId, now, error = state == ScoreStates.Posted ? null : detail }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>How the course's scores went: posted, skipped, failed (with the latest problem) and still pending.</summary>
    public async Task<GradebookSummary> SummaryAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM gradebook_scores WHERE course_id = @courseId GROUP BY state",
            new { courseId }, cancellationToken: cancellationToken))).ToDictionary(r => r.State, r => (int)r.Count, StringComparer.Ordinal);
        var lastProblem = await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT detail FROM gradebook_scores WHERE course_id = @courseId AND state = 'failed' ORDER BY recorded_at DESC LIMIT 1",
            new { courseId }, cancellationToken: cancellationToken));
        var pending = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM outbox o
            WHERE o.kind = 'post-score' AND o.processed_at IS NULL
              AND EXISTS (SELECT 1 FROM awards a WHERE a.course_id = @courseId AND o.dedupe_key LIKE 'post-score:' || CAST(a.id AS TEXT) || ':%')
            """,
            new { courseId }, cancellationToken: cancellationToken));
        return new GradebookSummary
        {
            Posted = counts.GetValueOrDefault(ScoreStates.Posted),
            Skipped = counts.GetValueOrDefault(ScoreStates.Skipped),
            Failed = counts.GetValueOrDefault(ScoreStates.Failed),
            Pending = (int)pending,
            LastProblem = lastProblem,
        };
    }
}
