namespace LtiBadgeBridge.Platforms;

/// <summary>
/// One page of a paged LMS list. <see cref="Next"/> is the checkpoint a sync stores to resume on the
/// following page without re-fetching this one; null on the last page.
/// </summary>
public sealed record Page<T>
{
    public required IReadOnlyList<T> Items { get; init; }

    public PageCursor? Next { get; init; }

    /// <summary>1 for the first page.</summary>
    public required int PageNumber { get; init; }
}
