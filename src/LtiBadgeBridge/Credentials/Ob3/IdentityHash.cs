using System.Security.Cryptography;
using System.Text;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>
/// OB identity hashes: <c>sha256$</c> + lowercase hex of SHA-256(UTF-8(identity + salt)). Used by OB 3.0
/// IdentityObject and OB 2.0 recipient. Emails are lower-cased and trimmed first so a verifier can recompute.
/// </summary>
public static class IdentityHash
{
    public static string Sha256(string identity, string salt)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(salt);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity + salt));
        return "sha256$" + Convert.ToHexStringLower(hash);
    }

    public static string Email(string email, string salt) =>
        Sha256(NormalizeEmail(email), salt);

    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>A fresh random salt (128 bits, hex).</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
