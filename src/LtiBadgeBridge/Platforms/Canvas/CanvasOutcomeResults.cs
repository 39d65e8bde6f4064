namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>
/// One page of Learning Mastery results (<c>GET /api/v1/courses/:id/outcome_results?include[]=outcomes&amp;include[]=alignments</c>)
/// with the outcomes and alignments the page links to.
/// </summary>
public sealed record CanvasOutcomeResultsPage
{
    public required IReadOnlyList<CanvasOutcomeResult> Results { get; init; }

    public required IReadOnlyList<CanvasOutcome> Outcomes { get; init; }

    public required IReadOnlyList<CanvasOutcomeAlignment> Alignments { get; init; }

    public PageCursor? Next { get; init; }

    public required int PageNumber { get; init; }
}

/// <summary>A learner's result on an outcome through one alignment.</summary>
public sealed record CanvasOutcomeResult
{
    public required long Id { get; init; }

    public decimal? Score { get; init; }

    public decimal? Possible { get; init; }

    public bool? Mastery { get; init; }

    public decimal? Percent { get; init; }

    public DateTimeOffset? SubmittedOrAssessedAt { get; init; }

    public required CanvasOutcomeResultLinks Links { get; init; }
}

/// <summary>What a result links to; Canvas sends these ids as strings (alignments look like <c>assignment_12</c>).</summary>
public sealed record CanvasOutcomeResultLinks
{
    public string? User { get; init; }

    public string? LearningOutcome { get; init; }

    public string? Alignment { get; init; }
}

/// <summary>A learning outcome.</summary>
public sealed record CanvasOutcome
{
    public required long Id { get; init; }

    public string? Title { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public decimal? MasteryPoints { get; init; }

    public decimal? PointsPossible { get; init; }

    public string? CalculationMethod { get; init; }
}

/// <summary>What an outcome is aligned to (an assignment, a quiz...).</summary>
public sealed record CanvasOutcomeAlignment
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? HtmlUrl { get; init; }
}

/// <summary>The JSON body of an outcome results page.</summary>
internal sealed record CanvasOutcomeResultsBody
{
    public IReadOnlyList<CanvasOutcomeResult>? OutcomeResults { get; init; }

    public CanvasOutcomeResultsLinked? Linked { get; init; }
}

/// <summary>The <c>linked</c> member of an outcome results page.</summary>
internal sealed record CanvasOutcomeResultsLinked
{
    public IReadOnlyList<CanvasOutcome>? Outcomes { get; init; }

    public IReadOnlyList<CanvasOutcomeAlignment>? Alignments { get; init; }
}
