namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>
/// A Canvas submission with <c>include[]=submission_history&amp;include[]=rubric_assessment</c>. The same
/// shape appears inside <see cref="SubmissionHistory"/> (one entry per attempt).
/// </summary>
public sealed record CanvasSubmission
{
    public long? Id { get; init; }

    public required long AssignmentId { get; init; }

    public required long UserId { get; init; }

    public decimal? Score { get; init; }

    /// <summary>The grade as Canvas shows it (a number, a letter, <c>complete</c>...).</summary>
    public string? Grade { get; init; }

    public bool? Excused { get; init; }

    public bool? Late { get; init; }

    public bool? Missing { get; init; }

    /// <summary><c>submitted</c>, <c>unsubmitted</c>, <c>graded</c> or <c>pending_review</c>.</summary>
    public string? WorkflowState { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? GradedAt { get; init; }

    public int? Attempt { get; init; }

    /// <summary><c>online_upload</c>, <c>online_url</c>, <c>online_text_entry</c>, <c>basic_lti_launch</c>...</summary>
    public string? SubmissionType { get; init; }

    /// <summary>The submitted URL of an <c>online_url</c> submission (e.g. a capstone repository).</summary>
    public string? Url { get; init; }

    /// <summary>The submitted HTML of an <c>online_text_entry</c> submission.</summary>
    public string? Body { get; init; }

    public IReadOnlyList<CanvasAttachment>? Attachments { get; init; }

    /// <summary>Rubric assessment keyed by criterion id (<c>_1234</c>).</summary>
    public IReadOnlyDictionary<string, CanvasRubricAssessment>? RubricAssessment { get; init; }

    public IReadOnlyList<CanvasSubmission>? SubmissionHistory { get; init; }
}

/// <summary>A file attached to a submission.</summary>
public sealed record CanvasAttachment
{
    public required long Id { get; init; }

    public string? DisplayName { get; init; }

    public string? Filename { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("content-type")]
    public string? ContentType { get; init; }

    public long? Size { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>The assessment of one rubric criterion on a submission.</summary>
public sealed record CanvasRubricAssessment
{
    public decimal? Points { get; init; }

    public string? RatingId { get; init; }

    public string? Comments { get; init; }
}
