namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>An RDF quad; <see cref="Graph"/> is null for the default graph. Value equality.</summary>
public sealed record Quad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph)
{
    /// <inheritdoc />
    public override string ToString() => NQuadsSerializer.FormatQuad(this);
}
