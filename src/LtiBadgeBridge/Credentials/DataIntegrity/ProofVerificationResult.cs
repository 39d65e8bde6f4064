namespace LtiBadgeBridge.Credentials.DataIntegrity;

/// <summary>The outcome of verifying a Data Integrity proof. <see cref="Code"/> is one of <see cref="ProofVerificationCodes"/>.</summary>
public sealed record ProofVerificationResult
{
    /// <summary>True only when every proof verified.</summary>
    public required bool Verified { get; init; }

    /// <summary>A stable code from <see cref="ProofVerificationCodes"/>.</summary>
    public required string Code { get; init; }

    /// <summary>A human-readable explanation.</summary>
    public required string Message { get; init; }

    /// <summary>The verification method of the proof the result is about, when known.</summary>
    public string? VerificationMethod { get; init; }

    internal static ProofVerificationResult Fail(string code, string message, string? verificationMethod = null) =>
        new() { Verified = false, Code = code, Message = message, VerificationMethod = verificationMethod };
}

/// <summary>Stable result codes of <see cref="DataIntegrityProofs.Verify"/>.</summary>
public static class ProofVerificationCodes
{
    /// <summary>All proofs verified.</summary>
    public const string Verified = "verified";

    /// <summary>The document has no proof.</summary>
    public const string ProofMissing = "proof_missing";

    /// <summary>The proof is not a DataIntegrityProof with cryptosuite eddsa-rdfc-2022.</summary>
    public const string ProofUnsupported = "proof_unsupported";

    /// <summary>The proof lacks a field or its proofValue is not multibase base58btc of 64 bytes.</summary>
    public const string ProofMalformed = "proof_malformed";

    /// <summary>The proof's purpose is not the one expected.</summary>
    public const string ProofPurposeMismatch = "proof_purpose_mismatch";

    /// <summary>The verification method could not be resolved to an Ed25519 public key.</summary>
    public const string KeyUnresolved = "key_unresolved";

    /// <summary>A JSON-LD context is not in the pinned cache (or not pinned at all).</summary>
    public const string ContextUnavailable = "context_unavailable";

    /// <summary>The document is not valid JSON-LD, or uses terms no context defines.</summary>
    public const string DocumentInvalid = "document_invalid";

    /// <summary>Canonicalization gave up (a poison graph).</summary>
    public const string CanonicalizationLimit = "canonicalization_limit";

    /// <summary>The signature does not match the document: it was changed or signed by another key.</summary>
    public const string SignatureInvalid = "signature_invalid";
}
