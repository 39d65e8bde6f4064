namespace LtiBadgeBridge.Credentials.DataIntegrity;

/// <summary>The options of a new Data Integrity proof (the proof configuration, without @context).</summary>
public sealed record ProofOptions
{
    /// <summary>The verification method URL, e.g. <c>did:web:example.edu#key-1</c> or a did:key.</summary>
    public required string VerificationMethod { get; init; }

    /// <summary>The proof purpose; credentials use <c>assertionMethod</c>.</summary>
    public string ProofPurpose { get; init; } = "assertionMethod";

    /// <summary>When the proof was created (from the caller's <see cref="TimeProvider"/>); written to whole seconds, UTC.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Optional expiry of the proof.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Optional proof id (a URL or urn:uuid), used by proof sets and chains.</summary>
    public string? Id { get; init; }

    /// <summary>Optional domain restriction.</summary>
    public string? Domain { get; init; }

    /// <summary>Optional challenge.</summary>
    public string? Challenge { get; init; }

    /// <summary>Optional nonce.</summary>
    public string? Nonce { get; init; }
}
