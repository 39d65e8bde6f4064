namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>A Canvas assignment with its rubric (<c>GET /api/v1/courses/:id/assignments</c>).</summary>
public sealed record CanvasAssignment
{
    public required long Id { get; init; }

    public long CourseId { get; init; }

    public string? Name { get; init; }

    public decimal? PointsPossible { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary><c>points</c>, <c>percent</c>, <c>pass_fail</c>, <c>letter_grade</c>, <c>gpa_scale</c> or <c>not_graded</c>.</summary>
    public string? GradingType { get; init; }

    public IReadOnlyList<string>? SubmissionTypes { get; init; }

    public bool? Published { get; init; }

    public string? WorkflowState { get; init; }

    public IReadOnlyList<CanvasRubricCriterion>? Rubric { get; init; }

    public string? HtmlUrl { get; init; }
}

/// <summary>A rubric criterion of an assignment; <see cref="Id"/> is Canvas's string id (e.g. <c>_1234</c>).</summary>
public sealed record CanvasRubricCriterion
{
    public required string Id { get; init; }

    public decimal? Points { get; init; }

    public string? Description { get; init; }

    public string? LongDescription { get; init; }

    public long? OutcomeId { get; init; }

    public bool? CriterionUseRange { get; init; }

    public IReadOnlyList<CanvasRubricRating>? Ratings { get; init; }
}

/// <summary>A rating (level) of a rubric criterion.</summary>
public sealed record CanvasRubricRating
{
    public required string Id { get; init; }

    public decimal? Points { get; init; }

    public string? Description { get; init; }

    public string? LongDescription { get; init; }
}
