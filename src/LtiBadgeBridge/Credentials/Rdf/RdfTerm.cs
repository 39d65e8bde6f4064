namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>The kind of an RDF term.</summary>
public enum RdfTermKind
{
    /// <summary>An IRI.</summary>
    Iri,

    /// <summary>A blank node; <see cref="RdfTerm.Value"/> is its label without the <c>_:</c> prefix.</summary>
    BlankNode,

    /// <summary>A literal with a datatype IRI and, for <c>rdf:langString</c>, a language tag.</summary>
    Literal,
}

/// <summary>An RDF term: an IRI, a blank node or a literal. Value equality.</summary>
public sealed record RdfTerm
{
    private RdfTerm(RdfTermKind kind, string value, string? datatype, string? language)
    {
        Kind = kind;
        Value = value;
        Datatype = datatype;
        Language = language;
    }

    /// <summary>The kind of term.</summary>
    public RdfTermKind Kind { get; }

    /// <summary>The IRI, the blank node label (no <c>_:</c>) or the literal's lexical form.</summary>
    public string Value { get; }

    /// <summary>The datatype IRI of a literal; null for IRIs and blank nodes.</summary>
    public string? Datatype { get; }

    /// <summary>The language tag of a language-tagged literal.</summary>
    public string? Language { get; }

    /// <summary>True for a blank node.</summary>
    public bool IsBlankNode => Kind == RdfTermKind.BlankNode;

    /// <summary>Creates an IRI term.</summary>
    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri, null, null);

    /// <summary>Creates a blank node; a leading <c>_:</c> is removed.</summary>
    public static RdfTerm Blank(string label) =>
        new(RdfTermKind.BlankNode, label.StartsWith("_:", StringComparison.Ordinal) ? label[2..] : label, null, null);

    /// <summary>Creates a literal. A language tag implies <c>rdf:langString</c>; no datatype means <c>xsd:string</c>.</summary>
    public static RdfTerm Literal(string lexicalForm, string? datatype = null, string? language = null) =>
        new(
            RdfTermKind.Literal,
            lexicalForm,
            language is null ? datatype ?? RdfVocabulary.XsdString : RdfVocabulary.RdfLangString,
            language);

    /// <inheritdoc />
    public override string ToString() => NQuadsSerializer.FormatTerm(this);
}
