namespace LtiBadgeBridge.Platforms;

/// <summary>
/// An expected failure of an LMS call, as a value. <see cref="Code"/> is stable (see
/// <see cref="PlatformErrorCodes"/>); <see cref="Message"/> is plain language for the admin or instructor
/// and never contains tokens or personal data.
/// </summary>
public sealed record PlatformError
{
    public required PlatformErrorKind Kind { get; init; }

    /// <summary>A stable code from <see cref="PlatformErrorCodes"/>.</summary>
    public required string Code { get; init; }

    public required string Message { get; init; }

    /// <summary>The HTTP status the LMS answered with, when there was one.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The LMS's own error code (Moodle's <c>errorcode</c>), when it gave one.</summary>
    public string? PlatformCode { get; init; }

    /// <summary>How long the LMS asked us to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when trying the same call later may succeed without anyone changing anything.</summary>
    public bool IsTransient => Kind is PlatformErrorKind.Transient or PlatformErrorKind.Throttled;

    public override string ToString() => $"{Code}: {Message}";
}
