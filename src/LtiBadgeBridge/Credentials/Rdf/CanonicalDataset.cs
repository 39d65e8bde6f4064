namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>The result of RDFC-1.0: the canonical N-Quads document and the issued identifiers.</summary>
public sealed record CanonicalDataset
{
    /// <summary>The canonical N-Quads, sorted, each line ending in a newline.</summary>
    public required string NQuads { get; init; }

    /// <summary>Input blank node label (no <c>_:</c>) to canonical label (<c>c14n0</c>...).</summary>
    public required IReadOnlyDictionary<string, string> IssuedIdentifiers { get; init; }
}
