namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary><c>mod_assign_get_submissions</c>.</summary>
public sealed record MoodleSubmissionsResult
{
    public IReadOnlyList<MoodleAssignmentSubmissions> Assignments { get; init; } = [];

    public IReadOnlyList<MoodleWarning> Warnings { get; init; } = [];
}

/// <summary>The submissions of one assignment.</summary>
public sealed record MoodleAssignmentSubmissions
{
    public required long AssignmentId { get; init; }

    public IReadOnlyList<MoodleSubmission> Submissions { get; init; } = [];
}

/// <summary>A learner's submission; times are Unix seconds.</summary>
public sealed record MoodleSubmission
{
    public required long Id { get; init; }

    public required long UserId { get; init; }

    public int AttemptNumber { get; init; }

    public long TimeCreated { get; init; }

    public long TimeModified { get; init; }

    /// <summary><c>new</c>, <c>draft</c>, <c>submitted</c> or <c>reopened</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>graded</c> or <c>notgraded</c>.</summary>
    public string? GradingStatus { get; init; }

    public IReadOnlyList<MoodleSubmissionPlugin> Plugins { get; init; } = [];
}

/// <summary>A submission plugin's data: files (<c>file</c>) or online text (<c>onlinetext</c>).</summary>
public sealed record MoodleSubmissionPlugin
{
    public required string Type { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<MoodleFileArea> FileAreas { get; init; } = [];

    public IReadOnlyList<MoodleEditorField> EditorFields { get; init; } = [];
}

/// <summary>A file area of a submission plugin.</summary>
public sealed record MoodleFileArea
{
    public string? Area { get; init; }

    public IReadOnlyList<MoodleFile> Files { get; init; } = [];
}

/// <summary>A submitted file; <see cref="FileUrl"/> is under <c>/webservice/pluginfile.php</c> and downloads with the token.</summary>
public sealed record MoodleFile
{
    public string? FileName { get; init; }

    public string? FilePath { get; init; }

    public long? FileSize { get; init; }

    public string? FileUrl { get; init; }

    public string? MimeType { get; init; }

    public long? TimeModified { get; init; }
}

/// <summary>An online text field.</summary>
public sealed record MoodleEditorField
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Text { get; init; }

    public int? Format { get; init; }
}
