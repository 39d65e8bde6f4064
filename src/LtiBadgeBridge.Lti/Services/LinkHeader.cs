namespace LtiBadgeBridge.Lti.Services;

/// <summary>Finds the <c>next</c> link of an RFC 8288 <c>Link</c> header, tolerantly: the header name in any
/// case, several headers or comma-joined values, rel values quoted with straight, single or typographic
/// quotes (also when their UTF-8 bytes were decoded as Latin-1), several rels in one value. URLs are opaque: resolved against the request URL only if relative.</summary>
public static class LinkHeader
{
    public static Uri? FindNext(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var baseUri = response.RequestMessage?.RequestUri;
        foreach (var value in values)
        {
            if (FindNext(value, baseUri) is { } next)
            {
                return next;
            }
        }

        return null;
    }

    public static Uri? FindNext(string headerValue, Uri? baseUri)
    {
        ArgumentNullException.ThrowIfNull(headerValue);
        var position = 0;
        while (position < headerValue.Length)
        {
            var open = headerValue.IndexOf('<', position);
            if (open < 0)
            {
                return null;
            }

            var close = headerValue.IndexOf('>', open + 1);
            if (close < 0)
            {
                return null;
            }

            var target = headerValue[(open + 1)..close].Trim();
            var nextOpen = headerValue.IndexOf('<', close + 1);
            var parameters = nextOpen < 0 ? headerValue[(close + 1)..] : headerValue[(close + 1)..nextOpen];
            if (HasRelNext(parameters) && Resolve(target, baseUri) is { } uri)
            {
                return uri;
            }

            position = nextOpen < 0 ? headerValue.Length : nextOpen;
        }

        return null;
    }

    private static bool HasRelNext(string parameters)
    {
        foreach (var parameter in parameters.Split([';', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var rel in parameter[(equals + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (TrimToToken(rel).Equals("next", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Strips whatever quoting surrounds a rel token: anything that is not an ASCII letter or digit.</summary>
    private static string TrimToToken(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && !char.IsAsciiLetterOrDigit(value[start]))
        {
            start++;
        }

        while (end > start && !char.IsAsciiLetterOrDigit(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    private static Uri? Resolve(string target, Uri? baseUri)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            return absolute;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, target, out var relative) ? relative : null;
    }
}
