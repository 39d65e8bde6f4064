namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>A term definition of an active context (JSON-LD 1.1 API §4.1). Immutable once stored in a context.</summary>
internal sealed class TermDefinition
{
    /// <summary>The IRI mapping; null when the term is explicitly mapped to null.</summary>
    public string? IriMapping { get; set; }

    public bool Reverse { get; set; }

    public string? TypeMapping { get; set; }

    /// <summary>True when the definition has a language mapping (which may be null, meaning "no language").</summary>
    public bool HasLanguage { get; set; }

    public string? Language { get; set; }

    public bool HasDirection { get; set; }

    public string? Direction { get; set; }

    /// <summary>The scoped context (raw JSON tree), or null when there is none.</summary>
    public object? Context { get; set; }

    public bool HasContext { get; set; }

    public string? BaseUrl { get; set; }

    public IReadOnlySet<string>? Container { get; set; }

    public string? Index { get; set; }

    public string? Nest { get; set; }

    public bool Prefix { get; set; }

    public bool Protected { get; set; }

    public bool HasContainer(string keyword) => Container is not null && Container.Contains(keyword);

    /// <summary>Equality ignoring <see cref="Protected"/> (for protected term redefinition checks).</summary>
    public bool SameAs(TermDefinition other) =>
        IriMapping == other.IriMapping &&
        Reverse == other.Reverse &&
        TypeMapping == other.TypeMapping &&
        HasLanguage == other.HasLanguage &&
        Language == other.Language &&
        HasDirection == other.HasDirection &&
        Direction == other.Direction &&
        HasContext == other.HasContext &&
        JsonTree.DeepEquals(Context, other.Context) &&
        Index == other.Index &&
        Nest == other.Nest &&
        Prefix == other.Prefix &&
        (Container?.Count ?? 0) == (other.Container?.Count ?? 0) &&
        (Container is null || other.Container is null || Container.SetEquals(other.Container));
}
