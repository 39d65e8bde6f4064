using System.Data.Common;
using System.Globalization;
using Dapper;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// Achievement definitions, stored versioned. Saving validates the definition as a whole — against the
/// course catalogue from the snapshot tables when sync has found one, and with the other definitions in
/// scope for duplicate ids, unknown stacked achievements and cycles — and refuses it with every error, or
/// stores a new version only when the content (<see cref="DefinitionVersion"/>) changed. A new version of an
/// active achievement publishes <c>evaluate-course</c> for the affected courses in the same transaction.
/// </summary>
/// <remarks>
/// Drafts: saved with <c>asDraft</c>, an achievement is versioned like any other but stays
/// <see cref="AchievementStatuses.Draft"/> — never evaluated, awarded or shown to learners — until it is
/// published (<see cref="PublishAsync"/>, or an ordinary save), which validates it again, makes it active,
/// records <c>achievement.published</c> in the audit log and requests evaluation. A published achievement
/// cannot go back to draft.
/// </remarks>
/// <remarks>
/// Scope: a course achievement sees the course's achievements and the institution-wide ones; an
/// institution-wide achievement sees the institution-wide ones only (it may not stack on a course's).
/// </remarks>
public sealed class AchievementStore(Database database, CourseContextLoader loader, CourseStore courses, OutboxPublisher outbox, AuditLog audit, TimeProvider timeProvider)
{
    private const string AchievementColumns = "id, platform_id, course_id, slug, name, status, current_version, created_at, updated_at, published_at";
    private const string VersionColumns = "achievement_id, version, platform_id, definition, content_hash, created_by, created_at";

    /// <summary>Validates and saves a definition for a course (or institution-wide when <paramref name="courseId"/> is null), published.</summary>
    public Task<SaveAchievementResult> SaveAsync(long platformId, long? courseId, string text, string? source, string? createdBy, CancellationToken cancellationToken) =>
        SaveAsync(platformId, courseId, text, source, createdBy, asDraft: false, cancellationToken);

    /// <summary>
    /// Validates and saves a definition; with <paramref name="asDraft"/> a new achievement (or a draft) stays a draft,
    /// otherwise the achievement is published (made active) by this save.
    /// </summary>
    public async Task<SaveAchievementResult> SaveAsync(long platformId, long? courseId, string text, string? source, string? createdBy, bool asDraft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = AchievementDefinitionReader.Read(text, source);
        if (AchievementValidator.HasErrors(document.Errors) || document.Definition is null)
        {
            return new SaveAchievementResult { Errors = document.Errors };
        }

        if (!await PlatformExistsAsync(platformId, cancellationToken))
        {
            var refused = SaveAchievementResult.Refused(AchievementErrorCodes.PlatformNotFound, $"platform {platformId} does not exist");
            return refused with { Errors = [.. refused.Errors, .. AchievementValidator.Validate(document)] };
        }

        CourseContext? context = null;
        if (courseId is { } id)
        {
            context = await loader.LoadAsync(id, cancellationToken);
            if (context is null || context.Course.PlatformId != platformId)
            {
                return SaveAchievementResult.Refused(AchievementErrorCodes.CourseNotFound, $"course {id} does not exist on platform {platformId}");
            }
        }

        var errors = new List<DefinitionError>(AchievementValidator.Validate(document, context is { HasCatalogue: true } ? context.Catalogue : null));
        var definition = document.Definition;
        var others = await ListScopeDocumentsAsync(platformId, courseId, definition.Id, cancellationToken);
        errors.AddRange(DefinitionSet.Validate([document, .. others]));
        if (AchievementValidator.HasErrors(errors))
        {
            return new SaveAchievementResult { Errors = errors };
        }

        var hash = DefinitionVersion.Compute(definition);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await FindAsync(connection, transaction, platformId, courseId, definition.Id, cancellationToken);
        var status = asDraft ? AchievementStatuses.Draft : AchievementStatuses.Active;
        if (existing is not null && asDraft && IsPublished(existing))
        {
            return SaveAchievementResult.Refused(AchievementErrorCodes.AlreadyPublished,
                $"achievement '{existing.Slug}' is published; it cannot go back to draft (save it to publish a new version)");
        }

        var publishing = !asDraft && (existing is null || !IsPublished(existing));
        if (existing is not null)
        {
            var currentHash = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT content_hash FROM achievement_versions WHERE achievement_id = @id AND version = @version",
                new { id = existing.Id, version = existing.CurrentVersion }, transaction, cancellationToken: cancellationToken));
            if (string.Equals(currentHash, hash, StringComparison.Ordinal))
            {
                if (asDraft || string.Equals(existing.Status, status, StringComparison.Ordinal))
                {
                    return new SaveAchievementResult { Achievement = existing, Version = existing.CurrentVersion, ContentHash = hash, Errors = errors };
                }

                // Same content, now published: the version stays, the state changes.
                var activated = await connection.QuerySingleAsync<StoredAchievement>(new CommandDefinition(
                    $"""
                    UPDATE achievements SET status = 'active', published_at = COALESCE(published_at, @now), updated_at = @now
                    WHERE id = @id RETURNING {AchievementColumns}
                    """,
                    new { id = existing.Id, now }, transaction, cancellationToken: cancellationToken));
                await RecordPublishedAsync(connection, transaction, activated, hash, createdBy, cancellationToken);
                var nudge = await PublishEvaluationsAsync(connection, transaction, platformId, courseId, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (nudge)
                {
                    outbox.Nudge(EvaluationKeys.EvaluateCourseKind);
                }

                return new SaveAchievementResult { Achievement = activated, Version = activated.CurrentVersion, Published = true, ContentHash = hash, Errors = errors };
            }
        }

        StoredAchievement saved;
        if (existing is null)
        {
            saved = await connection.QuerySingleAsync<StoredAchievement>(new CommandDefinition(
                $"""
                INSERT INTO achievements (platform_id, course_id, slug, name, status, current_version, created_at, updated_at, published_at)
                VALUES (@platformId, @courseId, @slug, @name, @status, 1, @now, @now, @publishedAt) RETURNING {AchievementColumns}
                """,
                new { platformId, courseId, slug = definition.Id, name = definition.Name, status, now, publishedAt = asDraft ? (DateTimeOffset?)null : now },
                transaction, cancellationToken: cancellationToken));
        }
        else
        {
            saved = await connection.QuerySingleAsync<StoredAchievement>(new CommandDefinition(
                $"""
                UPDATE achievements SET name = @name, status = @status, current_version = current_version + 1, updated_at = @now,
                  published_at = CASE WHEN @status = 'active' THEN COALESCE(published_at, @now) ELSE published_at END
                WHERE id = @id RETURNING {AchievementColumns}
                """,
                new { id = existing.Id, name = definition.Name, status, now }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO achievement_versions (achievement_id, version, platform_id, definition, content_hash, created_by, created_at)
            VALUES (@achievementId, @version, @platformId, @definition, @hash, @createdBy, @now)
            """,
            new { achievementId = saved.Id, version = saved.CurrentVersion, platformId, definition = text, hash, createdBy, now }, transaction, cancellationToken: cancellationToken));
        await audit.RecordAsync(connection, transaction, platformId, createdBy ?? "system", asDraft ? "achievement.draft-saved" : "achievement.saved",
            string.Create(CultureInfo.InvariantCulture, $"achievement:{saved.Id}"),
            string.Create(CultureInfo.InvariantCulture, $"{{\"slug\":\"{definition.Id}\",\"version\":{saved.CurrentVersion},\"hash\":\"{hash}\"}}"), cancellationToken);
        if (publishing && existing is not null)
        {
            await RecordPublishedAsync(connection, transaction, saved, hash, createdBy, cancellationToken);
        }

        var published = !asDraft && await PublishEvaluationsAsync(connection, transaction, platformId, courseId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (published)
        {
            outbox.Nudge(EvaluationKeys.EvaluateCourseKind);
        }

        return new SaveAchievementResult { Achievement = saved, Version = saved.CurrentVersion, Changed = true, Published = publishing, ContentHash = hash, Errors = errors };
    }

    /// <summary>
    /// Publishes a draft: its current version is validated again (the course may have changed since it was
    /// saved) and, when valid, the achievement becomes active and is evaluated. Any other achievement is left as it is.
    /// </summary>
    public async Task<SaveAchievementResult> PublishAsync(long achievementId, string? publishedBy, CancellationToken cancellationToken)
    {
        var achievement = await GetAsync(achievementId, cancellationToken);
        var version = achievement is null ? null : await GetVersionAsync(achievementId, null, cancellationToken);
        if (achievement is null || version is null)
        {
            return SaveAchievementResult.Refused(AchievementErrorCodes.AchievementNotFound, $"achievement {achievementId} does not exist");
        }

        if (!achievement.IsDraft)
        {
            // Already published (or archived: restoring one is a save, not a publish): nothing to do.
            return new SaveAchievementResult { Achievement = achievement, Version = achievement.CurrentVersion, ContentHash = version.ContentHash };
        }

        return await SaveAsync(achievement.PlatformId, achievement.CourseId, version.Definition, "publish " + achievement.Slug, publishedBy, asDraft: false, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredAchievement>> ListAsync(long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<StoredAchievement>(new CommandDefinition(
            $"SELECT {AchievementColumns} FROM achievements WHERE platform_id = @platformId ORDER BY course_id, slug",
            new { platformId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<StoredAchievement?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredAchievement>(new CommandDefinition(
            $"SELECT {AchievementColumns} FROM achievements WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>A stored version (the current one when <paramref name="version"/> is null), or null.</summary>
    public async Task<StoredAchievementVersion?> GetVersionAsync(long achievementId, int? version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredAchievementVersion>(new CommandDefinition(
            version is null
                ? $"SELECT v.{VersionColumns.Replace(", ", ", v.", StringComparison.Ordinal)} FROM achievement_versions v JOIN achievements a ON a.id = v.achievement_id AND a.current_version = v.version WHERE v.achievement_id = @achievementId"
                : $"SELECT {VersionColumns} FROM achievement_versions WHERE achievement_id = @achievementId AND version = @version",
            new { achievementId, version }, cancellationToken: cancellationToken));
    }

    /// <summary>The active achievements evaluated in a course: the course's own and the institution-wide ones, with their current versions.</summary>
    public async Task<IReadOnlyList<ActiveAchievement>> ListActiveAsync(long platformId, long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ListCurrentAsync(connection, null, platformId, courseId, activeOnly: true, cancellationToken);
    }

    private static bool IsPublished(StoredAchievement achievement) =>
        string.Equals(achievement.Status, AchievementStatuses.Active, StringComparison.Ordinal);

    private Task RecordPublishedAsync(DbConnection connection, DbTransaction transaction, StoredAchievement achievement, string hash, string? publishedBy, CancellationToken cancellationToken) =>
        audit.RecordAsync(connection, transaction, achievement.PlatformId, publishedBy ?? "system", "achievement.published",
            string.Create(CultureInfo.InvariantCulture, $"achievement:{achievement.Id}"),
            string.Create(CultureInfo.InvariantCulture, $"{{\"slug\":\"{achievement.Slug}\",\"version\":{achievement.CurrentVersion},\"hash\":\"{hash}\"}}"), cancellationToken);

    private async Task<bool> PlatformExistsAsync(long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM platforms WHERE id = @platformId", new { platformId }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<List<AchievementDocument>> ListScopeDocumentsAsync(long platformId, long? courseId, string exceptSlug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var current = await ListCurrentAsync(connection, null, platformId, courseId, activeOnly: true, cancellationToken);
        return [.. current
            .Where(a => !(string.Equals(a.Achievement.Slug, exceptSlug, StringComparison.Ordinal) && a.Achievement.CourseId == courseId))
            .Select(a => AchievementDefinitionReader.Read(a.Version.Definition, "stored achievement " + a.Achievement.Slug))];
    }

    private static async Task<IReadOnlyList<ActiveAchievement>> ListCurrentAsync(DbConnection connection, DbTransaction? transaction, long platformId, long? courseId, bool activeOnly, CancellationToken cancellationToken)
    {
        var scope = courseId is null ? "a.course_id IS NULL" : "(a.course_id = @courseId OR a.course_id IS NULL)";
        var status = activeOnly ? " AND a.status = 'active'" : string.Empty;
        var rows = await connection.QueryAsync<StoredAchievement, StoredAchievementVersion, ActiveAchievement>(new CommandDefinition(
            $"""
            SELECT a.id, a.platform_id, a.course_id, a.slug, a.name, a.status, a.current_version, a.created_at, a.updated_at, a.published_at,
                   v.achievement_id, v.version, v.platform_id, v.definition, v.content_hash, v.created_by, v.created_at
            FROM achievements a JOIN achievement_versions v ON v.achievement_id = a.id AND v.version = a.current_version
            WHERE a.platform_id = @platformId AND {scope}{status} ORDER BY a.id
            """,
            new { platformId, courseId }, transaction, cancellationToken: cancellationToken),
            (a, v) => new ActiveAchievement(a, v),
            splitOn: "achievement_id");
        return rows.AsList();
    }

    private static Task<StoredAchievement?> FindAsync(DbConnection connection, DbTransaction transaction, long platformId, long? courseId, string slug, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<StoredAchievement>(new CommandDefinition(
            $"SELECT {AchievementColumns} FROM achievements WHERE platform_id = @platformId AND {(courseId is null ? "course_id IS NULL" : "course_id = @courseId")} AND slug = @slug",
            new { platformId, courseId, slug }, transaction, cancellationToken: cancellationToken));

    private async Task<bool> PublishEvaluationsAsync(DbConnection connection, DbTransaction transaction, long platformId, long? courseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var courseIds = courseId is { } id ? [id] : (await courses.ListAsync(platformId, cancellationToken)).Select(c => c.Id).ToList();
        var published = false;
        foreach (var course in courseIds)
        {
            published |= await outbox.PublishAsync(connection, transaction, platformId, EvaluationKeys.EvaluateCourseKind,
                EvaluationKeys.EvaluateCourse(course, now), EvaluationKeys.EvaluateCoursePayload(course), cancellationToken);
        }

        return published;
    }
}
