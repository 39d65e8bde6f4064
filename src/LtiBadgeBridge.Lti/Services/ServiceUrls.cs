namespace LtiBadgeBridge.Lti.Services;

/// <summary>Builds service URLs from the opaque URLs of the claims without breaking their query strings.</summary>
public static class ServiceUrls
{
    /// <summary>Inserts <paramref name="segment"/> at the end of the path, keeping the query:
    /// <c>.../lineitem?type_id=1</c> becomes <c>.../lineitem/scores?type_id=1</c>.</summary>
    public static Uri AppendPath(Uri url, string segment)
    {
        ArgumentNullException.ThrowIfNull(url);
        var builder = new UriBuilder(url);
        builder.Path = builder.Path.TrimEnd('/') + "/" + segment;
        return builder.Uri;
    }

    /// <summary>Adds query parameters to a URL that may already have a query.</summary>
    public static Uri AddQuery(Uri url, params (string Name, string? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        var builder = new UriBuilder(url);
        var query = builder.Query.TrimStart('?');
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            query += (query.Length == 0 ? "" : "&") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        }

        builder.Query = query;
        return builder.Uri;
    }

    /// <summary>True when <paramref name="candidate"/> is on the same scheme, host and port as <paramref name="origin"/>.</summary>
    public static bool IsSameOrigin(Uri origin, Uri candidate) =>
        string.Equals(origin.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(origin.Host, candidate.Host, StringComparison.OrdinalIgnoreCase)
        && origin.Port == candidate.Port;
}
