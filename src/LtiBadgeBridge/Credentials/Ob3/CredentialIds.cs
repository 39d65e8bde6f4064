using System.Security.Cryptography;
using System.Text;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>
/// Deterministic identifiers: name-based UUIDs (RFC 9562 version 5, SHA-1) under fixed namespaces, so the same
/// award always yields the same credential id and the same learner the same subject id within a registration.
/// </summary>
public static class CredentialIds
{
    private static readonly Guid CredentialNamespace = new("5b1f9a52-3c3e-4a8e-9d0e-6f1c2b7a4d10");
    private static readonly Guid LearnerNamespace = new("0c6e2d4f-8a71-4b3c-a5e2-9d8f7b6a5c43");

    /// <summary><c>urn:uuid:</c> of (registration, learner, achievement).</summary>
    public static string ForAward(string registrationId, string learnerId, string achievementId) =>
        "urn:uuid:" + NameBased(CredentialNamespace, Join(registrationId, learnerId, achievementId));

    /// <summary><c>urn:uuid:</c> of (registration, LTI user id): the learner's credentialSubject.id.</summary>
    public static string ForLearner(string registrationId, string ltiUserId) =>
        "urn:uuid:" + NameBased(LearnerNamespace, Join(registrationId, ltiUserId));

    /// <summary>A version 5 UUID of <paramref name="name"/> in <paramref name="namespaceId"/>.</summary>
    public static Guid NameBased(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version 5 UUIDs are defined with; not used for security.
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    // Length-prefixed so ("a|b", "c") and ("a", "b|c") never collide.
    private static string Join(params string[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is null)
            {
                throw new ArgumentException("Identifier parts must not be null.", nameof(parts));
            }

            builder.Append(part.Length).Append(':').Append(part).Append(';');
        }

        return builder.ToString();
    }
}
