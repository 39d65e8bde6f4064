namespace LtiBadgeBridge.Snapshots;

/// <summary>A gradable item: an AGS line item (<c>source = ags</c>) or a native assignment (<c>canvas</c>, <c>moodle</c>).</summary>
public sealed record SnapshotItem
{
    public long Id { get; init; }
    public long CourseId { get; init; }
    public required string Source { get; init; }

    /// <summary>The stable LMS id rules refer to (assignment id, or the line item URL for AGS).</summary>
    public required string SourceId { get; init; }
    public required string Title { get; init; }
    public string Kind { get; init; } = "assignment";
    public double? PointsPossible { get; init; }
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Source-specific details as JSON (rubric id, grading type, group grading...).</summary>
    public string? Details { get; init; }
}

/// <summary>A learner's score on an item: raw values and a percentage, plus its state.</summary>
public sealed record ScoreRow
{
    public long ItemId { get; init; }
    public long PersonId { get; init; }
    public double? RawScore { get; init; }
    public double? PointsPossible { get; init; }

    /// <summary>0–100 (may exceed 100); null when ungraded or points possible is zero.</summary>
    public double? Percentage { get; init; }

    /// <summary><c>graded</c>, <c>ungraded</c>, <c>excused</c>, <c>missing</c>.</summary>
    public string State { get; init; } = "graded";
    public string? Grade { get; init; }
    public bool Late { get; init; }
    public int? Attempt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? GradedAt { get; init; }
}

/// <summary>A submitted artifact: a file, a URL or online text; the content is referenced, not stored.</summary>
public sealed record ArtifactRow
{
    public long ItemId { get; init; }
    public long PersonId { get; init; }

    /// <summary>Unique per item and person: e.g. <c>attempt:2:file:991</c> or <c>attempt:1:url</c>.</summary>
    public required string ArtifactKey { get; init; }

    /// <summary><c>file</c>, <c>url</c> or <c>text</c>.</summary>
    public required string Kind { get; init; }
    public string? Url { get; init; }
    public string? FileName { get; init; }
    public string? ContentType { get; init; }
    public long? SizeBytes { get; init; }
    public string? TextExcerpt { get; init; }
    public int? Attempt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public string? Sha256 { get; init; }
}

/// <summary>The level a learner was given on one rubric criterion of an item.</summary>
public sealed record RubricResultRow
{
    public long ItemId { get; init; }
    public long PersonId { get; init; }
    public required string CriterionId { get; init; }
    public string? LevelId { get; init; }
    public string? LevelName { get; init; }
    public double? Points { get; init; }
}

/// <summary>A learner's result on a Canvas outcome or Moodle competency.</summary>
public sealed record OutcomeResultRow
{
    public long PersonId { get; init; }
    public required string OutcomeId { get; init; }
    public double? Score { get; init; }
    public string? Level { get; init; }
    public bool? Mastered { get; init; }
    public DateTimeOffset? AssessedAt { get; init; }
}

/// <summary>A course catalogue entry that is not a gradable item: a rubric or an outcome/competency.</summary>
public sealed record CatalogueEntry
{
    /// <summary><c>rubric</c> or <c>outcome</c>.</summary>
    public required string Kind { get; init; }
    public required string SourceId { get; init; }
    public required string Title { get; init; }

    /// <summary>The entry as JSON (rubric criteria and ordered levels; outcome scale and mastery points).</summary>
    public string? Details { get; init; }
}

/// <summary>Everything synced for a set of a course's learners: the rules engine's input, still in rows.</summary>
public sealed record CourseSnapshotPage
{
    public required IReadOnlyList<Courses.Person> People { get; init; }
    public required IReadOnlyList<Courses.Enrollment> Enrollments { get; init; }
    public required IReadOnlyList<ScoreRow> Scores { get; init; }
    public required IReadOnlyList<ArtifactRow> Artifacts { get; init; }
    public required IReadOnlyList<RubricResultRow> RubricResults { get; init; }
    public required IReadOnlyList<OutcomeResultRow> OutcomeResults { get; init; }
}
