using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Short-lived Data Protection tokens bound to one course and one use (<c>connect</c>, <c>course</c>,
/// <c>state</c>): the course access token of the connect/run/status endpoints until the tool's iframe
/// session covers them, and the OAuth2 <c>state</c> that binds a Canvas callback to the course it started
/// from. Expiry is checked against the <see cref="TimeProvider"/>.
/// </summary>
public sealed class SyncAccessTokens(IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    public const string CoursePurpose = "course";
    public const string StatePurpose = "state";
    private readonly IDataProtector protector = dataProtection.CreateProtector("LtiBadgeBridge.Sync.AccessTokens.v1");

    /// <summary>A token for <paramref name="courseId"/> and <paramref name="purpose"/>, valid for <paramref name="lifetime"/>.</summary>
    public string Create(long courseId, string purpose, TimeSpan lifetime)
    {
        var expires = (timeProvider.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        return protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{purpose}|{courseId}|{expires}|{nonce}"));
    }

    /// <summary>The course id a valid, unexpired token of <paramref name="purpose"/> is bound to; null otherwise.</summary>
    public long? Validate(string? token, string purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = plain.Split('|');
        if (parts.Length != 4 || parts[0] != purpose ||
            !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var courseId) ||
            !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) ||
            expires < timeProvider.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }

        return courseId;
    }
}
