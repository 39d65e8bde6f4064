using NSec.Cryptography;

namespace LtiBadgeBridge.Credentials.DataIntegrity;

/// <summary>Resolution of <c>did:key</c> Ed25519 verification methods (<c>did:key:z6Mk...#z6Mk...</c>).</summary>
public static class DidKey
{
    private const string Prefix = "did:key:";

    /// <summary>
    /// The public key named by a did:key verification method; null when the value is not an Ed25519 did:key or its
    /// fragment does not name the same key.
    /// </summary>
    public static PublicKey? ResolveEd25519(string verificationMethod)
    {
        ArgumentNullException.ThrowIfNull(verificationMethod);
        if (!verificationMethod.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        var identifier = hash < 0 ? verificationMethod[Prefix.Length..] : verificationMethod[Prefix.Length..hash];
        if (hash >= 0 && verificationMethod[(hash + 1)..] != identifier)
        {
            return null;
        }

        return Multikey.DecodeEd25519PublicKey(identifier);
    }

    /// <summary>The did:key verification method for an Ed25519 public key.</summary>
    public static string VerificationMethodFor(PublicKey publicKey)
    {
        var multibase = Multikey.EncodeEd25519PublicKey(publicKey);
        return $"{Prefix}{multibase}#{multibase}";
    }
}
