using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>Turns an <see cref="LtiSession"/> into a Data Protection token (encrypted, authenticated,
/// time-limited) and back. A tampered, expired or foreign token reads as no session.</summary>
internal sealed class LtiSessionProtector(IDataProtectionProvider provider, TimeProvider timeProvider)
{
    private const int MaxTokenLength = 8192;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("LtiBadgeBridge.Lti.Session.v1").ToTimeLimitedDataProtector();

    public string Protect(LtiSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _protector.Protect(JsonSerializer.Serialize(session, Json), session.ExpiresAt);
    }

    public LtiSession? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        try
        {
            var json = _protector.Unprotect(token, out var expiration);
            var session = JsonSerializer.Deserialize<LtiSession>(json, Json);
            return session is not null && expiration > timeProvider.GetUtcNow() ? session : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
