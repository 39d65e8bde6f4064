namespace LtiBadgeBridge.Issuance;

/// <summary>The outcome of a revocation, with a stable <see cref="Code"/>.</summary>
public sealed record RevocationResult(string Code, string Message)
{
    public const string Revoked = "revoked";
    public const string AlreadyRevoked = "already_revoked";
    public const string NotFound = "not_found";

    public bool Succeeded => Code is Revoked or AlreadyRevoked;
}
