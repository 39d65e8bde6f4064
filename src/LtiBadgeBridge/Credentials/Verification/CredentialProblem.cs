namespace LtiBadgeBridge.Credentials.Verification;

/// <summary>An expected verification failure: a stable <see cref="Code"/> and a message for people.</summary>
public sealed record CredentialProblem(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>Stable problem codes.</summary>
public static class CredentialProblemCodes
{
    public const string JwtMalformed = "jwt_malformed";
    public const string JwtAlgorithmNotAllowed = "jwt_alg_not_allowed";
    public const string JwtKeyUnknown = "jwt_key_unknown";
    public const string JwtSignatureInvalid = "jwt_signature_invalid";
    public const string JwtClaimMismatch = "jwt_claim_mismatch";
    public const string NotYetValid = "not_yet_valid";
    public const string Expired = "expired";
    public const string SchemaInvalid = "schema_invalid";
    public const string StatusListInvalid = "status_list_invalid";
    public const string Revoked = "revoked";
    public const string Suspended = "suspended";
    public const string BakedImageInvalid = "baked_image_invalid";
    public const string ProofUnsupported = "proof_unsupported";
}
