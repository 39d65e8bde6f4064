using System.Text.RegularExpressions;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>JSON-LD keywords and the keyword-shape test.</summary>
internal static partial class JsonLdKeywords
{
    public static readonly FrozenSetOfStrings All = new(
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve",
        "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab");

    public static bool IsKeyword(string? value) => value is not null && All.Contains(value);

    [GeneratedRegex("^@[a-zA-Z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordFormRegex();

    public static bool HasKeywordForm(string value) => value.Length > 1 && value[0] == '@' && KeywordFormRegex().IsMatch(value);

    /// <summary>A small immutable string set.</summary>
    internal sealed class FrozenSetOfStrings(params string[] values)
    {
        private readonly System.Collections.Frozen.FrozenSet<string> _set =
            System.Collections.Frozen.FrozenSet.ToFrozenSet(values, StringComparer.Ordinal);

        public bool Contains(string value) => _set.Contains(value);
    }
}
