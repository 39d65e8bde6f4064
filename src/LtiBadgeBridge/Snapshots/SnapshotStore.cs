using System.Data.Common;
using Dapper;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Snapshots;

/// <summary>
/// The snapshot tables sync writes and the rules read: items, scores, artifacts, rubric and outcome
/// results, and the course catalogue. Writes are batched upserts that change a row only when a value
/// differs, so the same sync run twice changes nothing. Each write can join the caller's transaction
/// (a sync page and its checkpoint commit together).
/// </summary>
public sealed class SnapshotStore(Database database, TimeProvider timeProvider)
{
    private static readonly BatchWriter ItemWriter = new(
        "items",
        ["platform_id", "course_id", "source", "source_id", "title", "kind", "points_possible", "due_at", "details", "updated_at"],
        ["course_id", "source", "source_id"],
        "updated_at");

    private static readonly BatchWriter ScoreWriter = new(
        "scores",
        ["platform_id", "course_id", "item_id", "person_id", "raw_score", "points_possible", "percentage", "state", "grade", "late", "attempt", "submitted_at", "graded_at", "updated_at"],
        ["item_id", "person_id"],
        "updated_at");

    private static readonly BatchWriter ArtifactWriter = new(
        "artifacts",
        ["platform_id", "course_id", "item_id", "person_id", "artifact_key", "kind", "url", "file_name", "content_type", "size_bytes", "text_excerpt", "attempt", "submitted_at", "sha256", "updated_at"],
        ["item_id", "person_id", "artifact_key"],
        "updated_at");

    private static readonly BatchWriter RubricWriter = new(
        "rubric_results",
        ["platform_id", "course_id", "item_id", "person_id", "criterion_id", "level_id", "level_name", "points", "updated_at"],
        ["item_id", "person_id", "criterion_id"],
        "updated_at");

    private static readonly BatchWriter OutcomeWriter = new(
        "outcome_results",
        ["platform_id", "course_id", "person_id", "outcome_id", "score", "level", "mastered", "assessed_at", "updated_at"],
        ["course_id", "person_id", "outcome_id"],
        "updated_at");

    private static readonly BatchWriter CatalogueWriter = new(
        "catalogue_entries",
        ["platform_id", "course_id", "kind", "source_id", "title", "details", "updated_at"],
        ["course_id", "kind", "source_id"],
        "updated_at");

    public Database Database => database;

    /// <summary>Upserts items and returns every item id of the course by (source, source id).</summary>
    public async Task<IReadOnlyDictionary<(string Source, string SourceId), long>> UpsertItemsAsync(
        DbConnection connection, DbTransaction? transaction, long platformId, long courseId, IReadOnlyList<SnapshotItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = timeProvider.GetUtcNow();
        await ItemWriter.WriteAsync(connection, transaction, database.Dialect,
            items.Select(i => new object?[] { platformId, courseId, i.Source, i.SourceId, i.Title, i.Kind, i.PointsPossible, i.DueAt, i.Details, now }).ToList(),
            cancellationToken);
        var ids = await connection.QueryAsync<(long Id, string Source, string SourceId)>(new CommandDefinition(
            "SELECT id, source, source_id FROM items WHERE course_id = @courseId", new { courseId }, transaction, cancellationToken: cancellationToken));
        return ids.ToDictionary(r => (r.Source, r.SourceId), r => r.Id);
    }

    public Task<int> UpsertScoresAsync(DbConnection connection, DbTransaction? transaction, long platformId, long courseId, IReadOnlyList<ScoreRow> scores, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return ScoreWriter.WriteAsync(connection, transaction, database.Dialect,
            scores.Select(s => new object?[] { platformId, courseId, s.ItemId, s.PersonId, s.RawScore, s.PointsPossible, s.Percentage, s.State, s.Grade, s.Late, s.Attempt, s.SubmittedAt, s.GradedAt, now }).ToList(),
            cancellationToken);
    }

    public Task<int> UpsertArtifactsAsync(DbConnection connection, DbTransaction? transaction, long platformId, long courseId, IReadOnlyList<ArtifactRow> artifacts, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return ArtifactWriter.WriteAsync(connection, transaction, database.Dialect,
            artifacts.Select(a => new object?[] { platformId, courseId, a.ItemId, a.PersonId, a.ArtifactKey, a.Kind, a.Url, a.FileName, a.ContentType, a.SizeBytes, a.TextExcerpt, a.Attempt, a.SubmittedAt, a.Sha256, now }).ToList(),
            cancellationToken);
    }

    public Task<int> UpsertRubricResultsAsync(DbConnection connection, DbTransaction? transaction, long platformId, long courseId, IReadOnlyList<RubricResultRow> results, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RubricWriter.WriteAsync(connection, transaction, database.Dialect,
            results.Select(r => new object?[] { platformId, courseId, r.ItemId, r.PersonId, r.CriterionId, r.LevelId, r.LevelName, r.Points, now }).ToList(),
            cancellationToken);
    }

    public Task<int> UpsertOutcomeResultsAsync(DbConnection connection, DbTransaction? transaction, long platformId, long courseId, IReadOnlyList<OutcomeResultRow> results, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return OutcomeWriter.WriteAsync(connection, transaction, database.Dialect,
            results.Select(r => new object?[] { platformId, courseId, r.PersonId, r.OutcomeId, r.Score, r.Level, r.Mastered, r.AssessedAt, now }).ToList(),
            cancellationToken);
    }

    public Task<int> UpsertCatalogueAsync(DbConnection connection, DbTransaction? transaction, long platformId, long courseId, IReadOnlyList<CatalogueEntry> entries, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return CatalogueWriter.WriteAsync(connection, transaction, database.Dialect,
            entries.Select(e => new object?[] { platformId, courseId, e.Kind, e.SourceId, e.Title, e.Details, now }).ToList(),
            cancellationToken);
    }

    public async Task<IReadOnlyList<SnapshotItem>> ListItemsAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SnapshotItem>(new CommandDefinition(
            "SELECT id, course_id, source, source_id, title, kind, points_possible, due_at, details FROM items WHERE course_id = @courseId ORDER BY id",
            new { courseId },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<CatalogueEntry>> ListCatalogueAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CatalogueEntry>(new CommandDefinition(
            "SELECT kind, source_id, title, details FROM catalogue_entries WHERE course_id = @courseId ORDER BY kind, source_id",
            new { courseId },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The synced rows of up to <paramref name="maxPeople"/> enrolled people with ids above
    /// <paramref name="afterPersonId"/>, in person id order: page through a course with the last id seen.
    /// </summary>
    public async Task<CourseSnapshotPage> LoadPageAsync(long courseId, long afterPersonId, int maxPeople, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var members = (await connection.QueryAsync<Person, Enrollment, (Person, Enrollment)>(new CommandDefinition(
            """
            SELECT p.id, p.platform_id, p.lti_user_id, p.lms_user_id, p.name, p.email,
                   e.course_id AS split, e.course_id, e.person_id, e.roles, e.status, e.current_score, e.final_score
            FROM enrollments e JOIN people p ON p.id = e.person_id
            WHERE e.course_id = @courseId AND e.person_id > @afterPersonId ORDER BY e.person_id LIMIT @maxPeople
            """,
            new { courseId, afterPersonId, maxPeople },
            cancellationToken: cancellationToken),
            (p, e) => (p, e),
            splitOn: "split")).AsList();
        if (members.Count == 0)
        {
            return new CourseSnapshotPage { People = [], Enrollments = [], Scores = [], Artifacts = [], RubricResults = [], OutcomeResults = [] };
        }

        var range = new { courseId, from = members[0].Item1.Id, to = members[^1].Item1.Id };
        var scores = await connection.QueryAsync<ScoreRow>(new CommandDefinition(
            "SELECT item_id, person_id, raw_score, points_possible, percentage, state, grade, late, attempt, submitted_at, graded_at FROM scores WHERE course_id = @courseId AND person_id BETWEEN @from AND @to ORDER BY person_id, item_id",
            range, cancellationToken: cancellationToken));
        var artifacts = await connection.QueryAsync<ArtifactRow>(new CommandDefinition(
            "SELECT item_id, person_id, artifact_key, kind, url, file_name, content_type, size_bytes, text_excerpt, attempt, submitted_at, sha256 FROM artifacts WHERE course_id = @courseId AND person_id BETWEEN @from AND @to ORDER BY person_id, item_id, artifact_key",
            range, cancellationToken: cancellationToken));
        var rubric = await connection.QueryAsync<RubricResultRow>(new CommandDefinition(
            "SELECT item_id, person_id, criterion_id, level_id, level_name, points FROM rubric_results WHERE course_id = @courseId AND person_id BETWEEN @from AND @to ORDER BY person_id, item_id, criterion_id",
            range, cancellationToken: cancellationToken));
        var outcomes = await connection.QueryAsync<OutcomeResultRow>(new CommandDefinition(
            "SELECT person_id, outcome_id, score, level, mastered, assessed_at FROM outcome_results WHERE course_id = @courseId AND person_id BETWEEN @from AND @to ORDER BY person_id, outcome_id",
            range, cancellationToken: cancellationToken));
        return new CourseSnapshotPage
        {
            People = members.Select(m => m.Item1).ToList(),
            Enrollments = members.Select(m => m.Item2).ToList(),
            Scores = scores.AsList(),
            Artifacts = artifacts.AsList(),
            RubricResults = rubric.AsList(),
            OutcomeResults = outcomes.AsList(),
        };
    }
}
