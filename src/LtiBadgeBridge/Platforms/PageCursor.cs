namespace LtiBadgeBridge.Platforms;

/// <summary>
/// Where the next page of a list is: the opaque absolute URL the LMS gave in its <c>Link</c> header and
/// the number of the page it leads to. Plain data, so a sync can store it as a checkpoint.
/// </summary>
public sealed record PageCursor
{
    public required Uri Url { get; init; }

    /// <summary>The number of the page <see cref="Url"/> leads to (2 for the page after the first).</summary>
    public required int PageNumber { get; init; }
}
