using System.Text;
using System.Text.RegularExpressions;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>RFC 3986 §5.2 reference resolution and the IRI shape tests JSON-LD needs.</summary>
internal static partial class IriResolver
{
    [GeneratedRegex("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ReferenceRegex();

    /// <summary>True when the value starts with a scheme (an absolute IRI, possibly with a fragment).</summary>
    public static bool IsAbsolute(string value)
    {
        if (value.Length < 2 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '.' or '-'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>An absolute IRI without whitespace or characters IRIs forbid — what may go into RDF.</summary>
    public static bool IsWellFormed(string value)
    {
        if (!IsAbsolute(value))
        {
            return false;
        }

        if (value.IndexOf('#', StringComparison.Ordinal) != value.LastIndexOf('#'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`')
            {
                return false;
            }
        }

        return true;
    }

    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null)
        {
            return reference;
        }

        var r = ReferenceRegex().Match(reference);
        var b = ReferenceRegex().Match(baseIri);
        string? scheme, authority, path, query;
        var fragment = Group(r, 5);
        if (Group(r, 1) is { } referenceScheme)
        {
            scheme = referenceScheme;
            authority = Group(r, 2);
            path = RemoveDotSegments(r.Groups[3].Value);
            query = Group(r, 4);
        }
        else
        {
            scheme = Group(b, 1);
            if (Group(r, 2) is { } referenceAuthority)
            {
                authority = referenceAuthority;
                path = RemoveDotSegments(r.Groups[3].Value);
                query = Group(r, 4);
            }
            else
            {
                authority = Group(b, 2);
                var referencePath = r.Groups[3].Value;
                if (referencePath.Length == 0)
                {
                    path = b.Groups[3].Value;
                    query = Group(r, 4) ?? Group(b, 4);
                }
                else
                {
                    path = referencePath[0] == '/'
                        ? RemoveDotSegments(referencePath)
                        : RemoveDotSegments(Merge(authority, b.Groups[3].Value, referencePath));
                    query = Group(r, 4);
                }
            }
        }

        var result = new StringBuilder();
        if (scheme is not null)
        {
            result.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            result.Append("//").Append(authority);
        }

        result.Append(path);
        if (query is not null)
        {
            result.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            result.Append('#').Append(fragment);
        }

        return result.ToString();
    }

    private static string? Group(Match match, int index) =>
        match.Groups[index].Success ? match.Groups[index].Value : null;

    private static string Merge(string? baseAuthority, string basePath, string referencePath)
    {
        if (baseAuthority is not null && basePath.Length == 0)
        {
            return "/" + referencePath;
        }

        var slash = basePath.LastIndexOf('/');
        return slash < 0 ? referencePath : basePath[..(slash + 1)] + referencePath;
    }

    private static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return path;
        }

        var input = path;
        var output = new List<string>();
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal))
            {
                input = input[3..];
            }
            else if (input.StartsWith("./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input.StartsWith("/./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input == "/.")
            {
                input = "/";
            }
            else if (input.StartsWith("/../", StringComparison.Ordinal))
            {
                input = input[3..];
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (input == "/..")
            {
                input = "/";
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (input is "." or "..")
            {
                input = string.Empty;
            }
            else
            {
                var start = input[0] == '/' ? 1 : 0;
                var next = input.IndexOf('/', start);
                var segment = next < 0 ? input : input[..next];
                output.Add(segment);
                input = next < 0 ? string.Empty : input[next..];
            }
        }

        return string.Concat(output);
    }
}
