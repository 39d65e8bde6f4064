using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using Microsoft.AspNetCore.DataProtection;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// LMS API credentials: per platform the Canvas API developer key or the Moodle web service token, and
/// per course the Canvas OAuth2 token pair it was connected with. Secrets are encrypted with Data
/// Protection before they touch storage and are never logged.
/// </summary>
public sealed class PlatformCredentialsStore(Database database, IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    public const string CanvasKind = "canvas";
    public const string MoodleKind = "moodle";
    private const string Purpose = "LtiBadgeBridge.Sync.Credentials.v1";
    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    /// <summary>Saves the platform's Canvas API developer key and Canvas root URL.</summary>
    public Task SaveCanvasAsync(long platformId, Uri canvasBaseUrl, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(canvasBaseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        return SaveAsync(platformId, CanvasKind, canvasBaseUrl, clientId, clientSecret, cancellationToken);
    }

    /// <summary>Saves the platform's Moodle site URL and web service token.</summary>
    public Task SaveMoodleAsync(long platformId, Uri siteUrl, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return SaveAsync(platformId, MoodleKind, siteUrl, null, token, cancellationToken);
    }

    /// <summary>The platform's LMS API credentials, decrypted; null when none are configured.</summary>
    public async Task<LmsCredentials?> GetAsync(long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Kind, string BaseUrl, string? ClientId, string ProtectedSecret)>(new CommandDefinition(
            "SELECT kind, base_url, client_id, protected_secret FROM platform_lms_credentials WHERE platform_id = @platformId",
            new { platformId },
            cancellationToken: cancellationToken));
        if (row.Kind is null)
        {
            return null;
        }

        return new LmsCredentials
        {
            PlatformId = platformId,
            Kind = row.Kind,
            BaseUrl = new Uri(row.BaseUrl),
            ClientId = row.ClientId,
            Secret = protector.Unprotect(row.ProtectedSecret),
        };
    }

    /// <summary>Stores (or replaces) the OAuth2 token pair a course was connected with.</summary>
    public async Task SaveCourseTokenAsync(long platformId, long courseId, CanvasOAuthToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO course_lms_tokens (course_id, platform_id, protected_access_token, protected_refresh_token, expires_at, lms_user_id, scope, connected_at, updated_at)
            VALUES (@courseId, @platformId, @access, @refresh, @expiresAt, @lmsUserId, @scope, @now, @now)
            ON CONFLICT (course_id) DO UPDATE SET
              protected_access_token = excluded.protected_access_token,
              protected_refresh_token = COALESCE(excluded.protected_refresh_token, course_lms_tokens.protected_refresh_token),
              expires_at = excluded.expires_at,
              lms_user_id = COALESCE(excluded.lms_user_id, course_lms_tokens.lms_user_id),
              scope = COALESCE(excluded.scope, course_lms_tokens.scope),
              updated_at = excluded.updated_at
            """,
            new
            {
                courseId,
                platformId,
                access = protector.Protect(token.AccessToken),
                refresh = token.RefreshToken is null ? null : protector.Protect(token.RefreshToken),
                expiresAt = token.ExpiresAt,
                lmsUserId = token.CanvasUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                scope = token.Scope,
                now,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The course's OAuth2 token pair, decrypted; null when the course is not connected.</summary>
    public async Task<CanvasOAuthToken?> GetCourseTokenAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CourseTokenRow>(new CommandDefinition(
            "SELECT protected_access_token, protected_refresh_token, expires_at, lms_user_id, scope FROM course_lms_tokens WHERE course_id = @courseId",
            new { courseId },
            cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        return new CanvasOAuthToken
        {
            AccessToken = protector.Unprotect(row.ProtectedAccessToken),
            RefreshToken = row.ProtectedRefreshToken is null ? null : protector.Unprotect(row.ProtectedRefreshToken),
            ExpiresAt = row.ExpiresAt,
            CanvasUserId = long.TryParse(row.LmsUserId, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null,
            Scope = row.Scope,
        };
    }

    /// <summary>Forgets the course's tokens (after a revoke, or when the LMS no longer accepts them).</summary>
    public async Task DeleteCourseTokenAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM course_lms_tokens WHERE course_id = @courseId", new { courseId }, cancellationToken: cancellationToken));
    }

    private async Task SaveAsync(long platformId, string kind, Uri baseUrl, string? clientId, string secret, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO platform_lms_credentials (platform_id, kind, base_url, client_id, protected_secret, updated_at)
            VALUES (@platformId, @kind, @baseUrl, @clientId, @secret, @now)
            ON CONFLICT (platform_id) DO UPDATE SET
              kind = excluded.kind, base_url = excluded.base_url, client_id = excluded.client_id,
              protected_secret = excluded.protected_secret, updated_at = excluded.updated_at
            """,
            new { platformId, kind, baseUrl = baseUrl.AbsoluteUri, clientId, secret = protector.Protect(secret), now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    private sealed class CourseTokenRow
    {
        public string ProtectedAccessToken { get; init; } = "";
        public string? ProtectedRefreshToken { get; init; }
        public DateTimeOffset? ExpiresAt { get; init; }
        public string? LmsUserId { get; init; }
        public string? Scope { get; init; }
    }
}
