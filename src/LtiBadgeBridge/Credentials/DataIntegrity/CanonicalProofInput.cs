namespace LtiBadgeBridge.Credentials.DataIntegrity;

/// <summary>The eddsa-rdfc-2022 transformation and hashing results for one document and proof configuration.</summary>
public sealed record CanonicalProofInput
{
    /// <summary>Canonical N-Quads of the unsecured document.</summary>
    public required string CanonicalDocument { get; init; }

    /// <summary>Canonical N-Quads of the proof configuration (with the document's @context).</summary>
    public required string CanonicalProofConfig { get; init; }

    /// <summary>SHA-256 of the canonical proof configuration.</summary>
    public required byte[] ProofConfigHash { get; init; }

    /// <summary>SHA-256 of the canonical document.</summary>
    public required byte[] DocumentHash { get; init; }

    /// <summary>The Ed25519 signing input: proof configuration hash followed by document hash (64 bytes).</summary>
    public byte[] HashData => [.. ProofConfigHash, .. DocumentHash];
}
