namespace LtiBadgeBridge.Platforms.Http;

/// <summary>
/// Decides whether a paging link may be followed: same scheme, host and port as the LMS the client was
/// built for (a token is never sent to another host), and within the page cap.
/// </summary>
public static class PagingGuard
{
    /// <summary>Null when <paramref name="next"/> may be followed; otherwise the reason as an error.</summary>
    public static PlatformError? Check(Uri baseAddress, PageCursor next, int maxPages)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(next);
        if (!IsSameOrigin(baseAddress, next.Url))
        {
            return new PlatformError
            {
                Kind = PlatformErrorKind.PagingRefused,
                Code = PlatformErrorCodes.PagingOtherHost,
                Message = $"The LMS sent a paging link to another host ({next.Url.Host}); it was not followed.",
            };
        }

        if (next.PageNumber > maxPages)
        {
            return new PlatformError
            {
                Kind = PlatformErrorKind.PagingRefused,
                Code = PlatformErrorCodes.PagingCapReached,
                Message = $"The list has more than {maxPages} pages; paging stopped at the cap.",
            };
        }

        return null;
    }

    public static bool IsSameOrigin(Uri a, Uri b) =>
        a.IsAbsoluteUri && b.IsAbsoluteUri &&
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        a.Port == b.Port;
}
