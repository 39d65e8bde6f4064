using System.Net.Http.Headers;

namespace LtiBadgeBridge.Platforms.Http;

/// <summary>
/// Reads RFC 8288 <c>Link</c> headers tolerantly: any letter case of the header name, several header
/// lines, quoted, unquoted or typographically quoted <c>rel</c> values (some Moodle versions write
/// <c>rel=“next”</c>), several relations in one <c>rel</c>, and relative targets resolved against the
/// request. Missing relations (Canvas may omit <c>last</c>) are simply absent.
/// </summary>
public static class LinkHeader
{
    private static readonly char[] QuoteCharacters = ['"', '\'', '\u201C', '\u201D', '\u2018', '\u2019'];

    /// <summary>The target of relation <paramref name="rel"/> in the response's Link headers, or null.</summary>
    public static Uri? Find(HttpResponseMessage response, string rel)
    {
        ArgumentNullException.ThrowIfNull(response);
        var baseUri = response.RequestMessage?.RequestUri;
        foreach (var value in HeaderValues(response.Headers))
        {
            var found = Parse(value, baseUri);
            if (found.TryGetValue(rel, out var target))
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>Parses one Link header value into relation -> target (the first target of a relation wins).</summary>
    public static IReadOnlyDictionary<string, Uri> Parse(string headerValue, Uri? baseUri = null)
    {
        var links = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return links;
        }

        var position = 0;
        while (position < headerValue.Length)
        {
            var open = headerValue.IndexOf('<', position);
            if (open < 0)
            {
                break;
            }

            var close = headerValue.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            var target = headerValue[(open + 1)..close].Trim();
            var nextOpen = headerValue.IndexOf('<', close + 1);
            var parameters = nextOpen < 0 ? headerValue[(close + 1)..] : headerValue[(close + 1)..nextOpen];
            position = nextOpen < 0 ? headerValue.Length : nextOpen;

            if (!TryResolve(target, baseUri, out var uri))
            {
                continue;
            }

            foreach (var rel in RelationsOf(parameters))
            {
                links.TryAdd(rel, uri);
            }
        }

        return links;
    }

    private static IEnumerable<string> HeaderValues(HttpResponseHeaders headers)
    {
        // HttpHeaders compares names case-insensitively, so "Link", "link" and "LINK" all land here.
        if (headers.TryGetValues("Link", out var values))
        {
            return values;
        }

        return headers.NonValidated.TryGetValues("Link", out var raw) ? raw : [];
    }

    private static IEnumerable<string> RelationsOf(string parameters)
    {
        foreach (var part in parameters.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !part[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = part[(equals + 1)..].Trim().Trim(QuoteCharacters);
            foreach (var rel in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return rel.Trim(QuoteCharacters);
            }
        }
    }

    private static bool TryResolve(string target, Uri? baseUri, out Uri uri)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) &&
            (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            uri = absolute;
            return true;
        }

        if (baseUri is not null && Uri.TryCreate(baseUri, target, out var relative))
        {
            uri = relative;
            return true;
        }

        uri = null!;
        return false;
    }
}
