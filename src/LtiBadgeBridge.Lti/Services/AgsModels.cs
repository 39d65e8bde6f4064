using System.Text.Json.Serialization;

namespace LtiBadgeBridge.Lti.Services;

/// <summary>An AGS line item (a gradebook column). <see cref="Id"/> is its opaque absolute URL.</summary>
public sealed record LineItem
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("scoreMaximum")]
    public double ScoreMaximum { get; init; }

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; init; }

    [JsonPropertyName("resourceLinkId")]
    public string? ResourceLinkId { get; init; }

    [JsonPropertyName("tag")]
    public string? Tag { get; init; }

    [JsonPropertyName("startDateTime")]
    public DateTimeOffset? StartDateTime { get; init; }

    [JsonPropertyName("endDateTime")]
    public DateTimeOffset? EndDateTime { get; init; }

    [JsonPropertyName("gradesReleased")]
    public bool? GradesReleased { get; init; }
}

/// <summary>An AGS score posted for one user.</summary>
public sealed record Score
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("scoreGiven")]
    public double? ScoreGiven { get; init; }

    [JsonPropertyName("scoreMaximum")]
    public double? ScoreMaximum { get; init; }

    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    [JsonPropertyName("timestamp")]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Initialized, Started, InProgress, Submitted, Completed.</summary>
    [JsonPropertyName("activityProgress")]
    public required string ActivityProgress { get; init; }

    /// <summary>FullyGraded, Pending, PendingManual, Failed, NotReady.</summary>
    [JsonPropertyName("gradingProgress")]
    public required string GradingProgress { get; init; }

    /// <summary>Canvas extension: submission type, time and content items.</summary>
    [JsonPropertyName(LtiConstants.Canvas.Submission)]
    public CanvasSubmission? CanvasSubmission { get; init; }
}

/// <summary>The Canvas score extension <c>https://canvas.instructure.com/lti/submission</c>.</summary>
public sealed record CanvasSubmission
{
    [JsonPropertyName("submission_type")]
    public string? SubmissionType { get; init; }

    [JsonPropertyName("submitted_at")]
    public DateTimeOffset? SubmittedAt { get; init; }

    [JsonPropertyName("new_submission")]
    public bool? NewSubmission { get; init; }
}

/// <summary>An AGS result (the platform's current grade for a user on a line item).</summary>
public sealed record Result
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("scoreOf")]
    public string? ScoreOf { get; init; }

    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("resultScore")]
    public double? ResultScore { get; init; }

    [JsonPropertyName("resultMaximum")]
    public double? ResultMaximum { get; init; }

    [JsonPropertyName("comment")]
    public string? Comment { get; init; }
}
