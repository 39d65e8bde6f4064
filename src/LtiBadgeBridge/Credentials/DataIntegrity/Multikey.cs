using NSec.Cryptography;

namespace LtiBadgeBridge.Credentials.DataIntegrity;

/// <summary>
/// Multikey encodings of Ed25519 keys: public keys as multibase base58btc of <c>0xed 0x01</c> + 32 bytes
/// (<c>z6Mk...</c>); secret keys as <c>0x80 0x26</c> + the 32-byte seed.
/// </summary>
public static class Multikey
{
    private static readonly byte[] Ed25519PublicPrefix = [0xed, 0x01];
    private static readonly byte[] Ed25519SecretPrefix = [0x80, 0x26];

    /// <summary>The <c>publicKeyMultibase</c> of an Ed25519 public key.</summary>
    public static string EncodeEd25519PublicKey(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var raw = publicKey.Export(KeyBlobFormat.RawPublicKey);
        return Base58Btc.EncodeMultibase([.. Ed25519PublicPrefix, .. raw]);
    }

    /// <summary>Decodes a <c>z6Mk...</c> Ed25519 public key; null when it is not one.</summary>
    public static PublicKey? DecodeEd25519PublicKey(string? publicKeyMultibase)
    {
        if (!Base58Btc.TryDecodeMultibase(publicKeyMultibase, out var bytes) || bytes.Length != 34 ||
            bytes[0] != Ed25519PublicPrefix[0] || bytes[1] != Ed25519PublicPrefix[1])
        {
            return null;
        }

        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, bytes.AsSpan(2), KeyBlobFormat.RawPublicKey, out var key) ? key : null;
    }

    /// <summary>Imports an Ed25519 private key from its multikey <c>secretKeyMultibase</c>/<c>privateKeyMultibase</c>.</summary>
    public static Key? DecodeEd25519SecretKey(string? secretKeyMultibase, KeyExportPolicies exportPolicy = KeyExportPolicies.None)
    {
        if (!Base58Btc.TryDecodeMultibase(secretKeyMultibase, out var bytes) || bytes.Length < 34 ||
            bytes[0] != Ed25519SecretPrefix[0] || bytes[1] != Ed25519SecretPrefix[1])
        {
            return null;
        }

        return ImportEd25519Seed(bytes.AsSpan(2, 32), exportPolicy);
    }

    /// <summary>Imports an Ed25519 private key from its 32-byte seed.</summary>
    public static Key ImportEd25519Seed(ReadOnlySpan<byte> seed, KeyExportPolicies exportPolicy = KeyExportPolicies.None) =>
        Key.Import(
            SignatureAlgorithm.Ed25519,
            seed,
            KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = exportPolicy });
}
