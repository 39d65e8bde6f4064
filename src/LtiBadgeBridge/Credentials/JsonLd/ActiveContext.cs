using System.Collections.Concurrent;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>
/// A JSON-LD active context. Contexts stored in caches are never changed; processing works on a clone.
/// <see cref="Derived"/> memoizes contexts derived from this one by a scoped or remote context.
/// </summary>
internal sealed class ActiveContext
{
    public ActiveContext(string? baseIri)
    {
        BaseIri = baseIri;
        OriginalBaseUrl = baseIri;
        Terms = new Dictionary<string, TermDefinition?>(StringComparer.Ordinal);
    }

    private ActiveContext(ActiveContext other)
    {
        BaseIri = other.BaseIri;
        OriginalBaseUrl = other.OriginalBaseUrl;
        Vocab = other.Vocab;
        DefaultLanguage = other.DefaultLanguage;
        DefaultDirection = other.DefaultDirection;
        PreviousContext = other.PreviousContext;
        Terms = new Dictionary<string, TermDefinition?>(other.Terms, StringComparer.Ordinal);
        HasProtectedTerms = other.HasProtectedTerms;
    }

    public Dictionary<string, TermDefinition?> Terms { get; }

    public string? BaseIri { get; set; }

    public string? OriginalBaseUrl { get; set; }

    public string? Vocab { get; set; }

    public string? DefaultLanguage { get; set; }

    public string? DefaultDirection { get; set; }

    public ActiveContext? PreviousContext { get; set; }

    public bool HasProtectedTerms { get; set; }

    /// <summary>Memo of contexts derived from this one; thread-safe.</summary>
    public ConcurrentDictionary<DerivedKey, ActiveContext> Derived { get; } = new();

    public TermDefinition? Term(string term) => Terms.TryGetValue(term, out var definition) ? definition : null;

    public ActiveContext Clone() => new(this);

    public ActiveContext NewInitial() => new(OriginalBaseUrl);

    /// <summary>Key of a derived context: the local context (a string, joined strings, or a term definition) and flags.</summary>
    internal readonly record struct DerivedKey(object Context, string? BaseUrl, bool OverrideProtected, bool Propagate);
}
