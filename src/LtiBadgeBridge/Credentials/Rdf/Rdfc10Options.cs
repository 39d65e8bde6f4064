using System.Security.Cryptography;

namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>Settings for <see cref="Rdfc10Canonicalizer"/>.</summary>
public sealed record Rdfc10Options
{
    /// <summary>The default options: SHA-256 and a work limit that ordinary credentials never approach.</summary>
    public static readonly Rdfc10Options Default = new();

    /// <summary>The hash function: SHA-256 (the RDFC-1.0 default) or SHA-384.</summary>
    public HashAlgorithmName HashAlgorithm { get; init; } = HashAlgorithmName.SHA256;

    /// <summary>
    /// The most Hash N-Degree Quads steps (calls plus permutations tried) one canonicalization may take before it
    /// gives up with <see cref="RdfcWorkLimitExceededException"/>; guards against poison graphs.
    /// </summary>
    public int MaxWork { get; init; } = 50_000;
}
