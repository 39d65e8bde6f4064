using LtiBadgeBridge.Platforms;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

/// <summary>Reads every page of a Canvas list the way a sync does: follow <see cref="Page{T}.Next"/> until it is null.</summary>
internal static class CanvasPaging
{
    public static async Task<(List<T> Items, int Pages, PlatformError? Error)> ReadAllAsync<T>(Func<PageCursor?, Task<PlatformResult<Page<T>>>> fetch)
    {
        var items = new List<T>();
        PageCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await fetch(cursor);
            if (!page.IsSuccess)
            {
                return (items, pages, page.Error);
            }

            pages++;
            items.AddRange(page.Value.Items);
            cursor = page.Value.Next;
        }
        while (cursor is not null);

        return (items, pages, null);
    }
}
