namespace LtiBadgeBridge.Platforms;

/// <summary>
/// Reads every page of a paged LMS list into memory, for small lists (assignments, outcomes). A sync
/// that must resume mid-list should page itself and store each <see cref="Page{T}.Next"/> instead.
/// </summary>
public static class PageReader
{
    /// <summary>Follows <see cref="Page{T}.Next"/> from <paramref name="start"/> (null: the first page) until the last page or the first failure.</summary>
    public static async Task<PlatformResult<IReadOnlyList<T>>> ReadAllAsync<T>(
        Func<PageCursor?, CancellationToken, Task<PlatformResult<Page<T>>>> fetchPage,
        PageCursor? start,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        var items = new List<T>();
        var cursor = start;
        do
        {
            var page = await fetchPage(cursor, cancellationToken);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            items.AddRange(page.Value.Items);
            cursor = page.Value.Next;
        }
        while (cursor is not null);

        return PlatformResult.Success<IReadOnlyList<T>>(items);
    }
}
