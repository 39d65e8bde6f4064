namespace LtiBadgeBridge.Credentials.Issuers;

/// <summary>Multikey encoding of Ed25519 public keys: multibase 'z' base58btc of the multicodec 0xed01 prefix + key.</summary>
public static class Multikey
{
    private static readonly byte[] Ed25519PublicPrefix = [0xed, 0x01];

    /// <summary>Encodes a raw 32-byte Ed25519 public key, e.g. <c>z6Mk...</c>.</summary>
    public static string EncodeEd25519PublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key has 32 bytes.", nameof(publicKey));
        }

        return "z" + Base58Btc.Encode([.. Ed25519PublicPrefix, .. publicKey]);
    }

    /// <summary>Decodes a <c>z6Mk...</c> Multikey back to the raw 32-byte Ed25519 public key.</summary>
    public static byte[] DecodeEd25519PublicKey(string multibase)
    {
        ArgumentNullException.ThrowIfNull(multibase);
        if (!multibase.StartsWith('z'))
        {
            throw new FormatException("Multikey must use base58btc ('z').");
        }

        var bytes = Base58Btc.Decode(multibase[1..]);
        if (bytes.Length != 34 || bytes[0] != 0xed || bytes[1] != 0x01)
        {
            throw new FormatException("Not an Ed25519 Multikey.");
        }

        return bytes[2..];
    }
}
