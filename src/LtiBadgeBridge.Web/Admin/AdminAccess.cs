using System.Security.Cryptography;
using System.Text;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Web.Hosting;
using LtiBadgeBridge.Web.Lti;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Admin;

/// <summary>
/// The one admin check, shared by the console pages and the job dashboard. Admin access comes from an
/// operator login (a cookie issued for <c>Service:OperatorToken</c>: Data Protection, time-limited, HttpOnly,
/// SameSite=Strict, Secure over https) or from an LTI session whose roles include an administrator.
/// </summary>
public sealed class AdminAccess(
    IOptions<ServiceOptions> service,
    IOptions<AdminOptions> options,
    IDataProtectionProvider dataProtection,
    LtiUrls urls,
    TimeProvider timeProvider)
{
    public const string CookieSecure = "__Host-ltibb-admin";
    public const string CookiePlain = "ltibb-admin";
    private const int MaxCookieLength = 4096;
    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("LtiBadgeBridge.Admin.Operator.v1").ToTimeLimitedDataProtector();

    /// <summary>Whether operator login exists at all (<c>Service:OperatorToken</c> is set).</summary>
    public bool OperatorLoginEnabled => !string.IsNullOrEmpty(service.Value.OperatorToken);

    public async Task<AdminAccessResult> CheckAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HasOperatorCookie(context))
        {
            return AdminAccessResult.Granted(AdminPrincipal.Operator);
        }

        var session = await context.GetLtiSessionAsync();
        if (session is null)
        {
            return AdminAccessResult.Unauthenticated;
        }

        return session.Roles.HasFlag(LtiRoleKind.Admin)
            ? AdminAccessResult.Granted(AdminPrincipal.ForLti(session, context.GetLtiSessionToken()))
            : AdminAccessResult.Forbidden;
    }

    /// <summary>Compares a presented operator token with the configured one in constant time.</summary>
    public OperatorLoginOutcome CheckOperatorToken(string? presented)
    {
        var expected = service.Value.OperatorToken;
        if (string.IsNullOrEmpty(expected))
        {
            return OperatorLoginOutcome.Disabled;
        }

        // Hashing first makes the comparison constant-time in the token's length too.
        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? "")),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
        return matches ? OperatorLoginOutcome.Accepted : OperatorLoginOutcome.Rejected;
    }

    /// <summary>Sets the operator cookie; call only after <see cref="CheckOperatorToken"/> accepted.</summary>
    public void SignInOperator(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expires = timeProvider.GetUtcNow() + options.Value.SessionLifetime;
        var value = _protector.Protect(Fingerprint(service.Value.OperatorToken!), expires);
        var https = IsHttps(context);
        context.Response.Cookies.Append(CookieName(https), value, CookieOptions(https, expires));
    }

    public void SignOutOperator(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var https = IsHttps(context);
        context.Response.Cookies.Delete(CookieName(https), CookieOptions(https, DateTimeOffset.UnixEpoch));
    }

    /// <summary>True when the request carries a valid, unexpired operator cookie issued for the current token.</summary>
    public bool HasOperatorCookie(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expected = service.Value.OperatorToken;
        var value = context.Request.Cookies[CookieName(IsHttps(context))];
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(value) || value.Length > MaxCookieLength)
        {
            return false;
        }

        try
        {
            var fingerprint = _protector.Unprotect(value, out var expiration);
            return expiration > timeProvider.GetUtcNow()
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(fingerprint), Encoding.ASCII.GetBytes(Fingerprint(expected)));
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string CookieName(bool https) => https ? CookieSecure : CookiePlain;

    private bool IsHttps(HttpContext context) => urls.IsHttps || context.Request.IsHttps;

    // A cookie stays bound to the token it was issued for: changing Service:OperatorToken signs everyone out.
    private static string Fingerprint(string token) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("ltibb-admin-cookie:" + token)));

    private static CookieOptions CookieOptions(bool https, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        Secure = https,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}

public enum OperatorLoginOutcome
{
    Disabled,
    Rejected,
    Accepted,
}
