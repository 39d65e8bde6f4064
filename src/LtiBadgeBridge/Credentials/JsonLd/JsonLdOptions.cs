namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>Options for <see cref="JsonLdProcessor"/>.</summary>
public sealed record JsonLdOptions
{
    /// <summary>The document base IRI; null for documents that have no location (credentials).</summary>
    public string? Base { get; init; }

    /// <summary>A context applied before the document's own (the <c>expandContext</c> option).</summary>
    public System.Text.Json.Nodes.JsonNode? ExpandContext { get; init; }

    /// <summary>
    /// Safe mode: fail with <see cref="JsonLdErrorCodes.SafeModeViolation"/> instead of silently dropping a
    /// property or type that no context defines. Data Integrity proofs use it, so unsigned extras cannot hide.
    /// </summary>
    public bool Safe { get; init; }

    /// <summary>Most remote contexts one document may pull in (guards against loops).</summary>
    public int MaxRemoteContexts { get; init; } = 32;

    /// <summary>Deepest JSON nesting accepted in input documents.</summary>
    public int MaxDepth { get; init; } = 64;
}
