using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>Tokens the emulated LMS has issued: LTI service tokens (with scopes), Canvas REST tokens (for
/// a user), OAuth2 authorization codes and refresh tokens, and client assertion ids already used.</summary>
internal sealed class DemoTokens(TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt)> serviceTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long UserId, DateTimeOffset? ExpiresAt)> canvasTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long UserId, string RedirectUri, DateTimeOffset ExpiresAt)> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> usedAssertionIds = new(StringComparer.Ordinal);

    public string IssueServiceToken(IReadOnlySet<string> scopes)
    {
        var token = NewToken("lti");
        serviceTokens[token] = (scopes, timeProvider.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer</c> with a live service token granting <paramref name="scope"/> (or any of <paramref name="alternatives"/>).</summary>
    public bool AllowsService(string? authorization, string scope, params string[] alternatives)
    {
        if (BearerOf(authorization) is not { } token || !serviceTokens.TryGetValue(token, out var entry) || entry.ExpiresAt <= timeProvider.GetUtcNow())
        {
            return false;
        }

        return entry.Scopes.Contains(scope) || alternatives.Any(entry.Scopes.Contains);
    }

    public void AddCanvasToken(string token, long userId) => canvasTokens[token] = (userId, null);

    public (string AccessToken, string RefreshToken) IssueCanvasTokens(long userId)
    {
        var access = NewToken("cv");
        canvasTokens[access] = (userId, timeProvider.GetUtcNow() + Lifetime);
        var refresh = NewToken("rf");
        refreshTokens[refresh] = userId;
        return (access, refresh);
    }

    public string? RefreshCanvasToken(string refreshToken)
    {
        if (!refreshTokens.TryGetValue(refreshToken, out var userId))
        {
            return null;
        }

        var access = NewToken("cv");
        canvasTokens[access] = (userId, timeProvider.GetUtcNow() + Lifetime);
        return access;
    }

    /// <summary>The Canvas user a REST request acts for, or null when the token is missing, unknown or expired.</summary>
    public long? CanvasUser(string? authorization) =>
        BearerOf(authorization) is { } token && canvasTokens.TryGetValue(token, out var entry) && (entry.ExpiresAt is null || entry.ExpiresAt > timeProvider.GetUtcNow())
            ? entry.UserId
            : null;

    public bool RevokeCanvasToken(string? authorization) => BearerOf(authorization) is { } token && canvasTokens.TryRemove(token, out _);

    public string IssueCode(long userId, string redirectUri)
    {
        var code = NewToken("code");
        codes[code] = (userId, redirectUri, timeProvider.GetUtcNow().AddMinutes(10));
        return code;
    }

    /// <summary>Consumes an authorization code once; null when unknown, expired or for another redirect URI.</summary>
    public long? RedeemCode(string code, string redirectUri) =>
        codes.TryRemove(code, out var entry) && entry.ExpiresAt > timeProvider.GetUtcNow() && string.Equals(entry.RedirectUri, redirectUri, StringComparison.Ordinal)
            ? entry.UserId
            : null;

    /// <summary>Records a client assertion's <c>jti</c>; false when it was seen before (a replay).</summary>
    public bool TryUseAssertionId(string jti, DateTimeOffset expiresAt)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (id, until) in usedAssertionIds)
        {
            if (until < now)
            {
                usedAssertionIds.TryRemove(id, out _);
            }
        }

        return usedAssertionIds.TryAdd(jti, expiresAt);
    }

    private static string? BearerOf(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;

    private static string NewToken(string prefix) => prefix + "~" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
