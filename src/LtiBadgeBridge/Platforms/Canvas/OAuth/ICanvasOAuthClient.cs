namespace LtiBadgeBridge.Platforms.Canvas.OAuth;

/// <summary>
/// Canvas's OAuth2 authorisation-code flow for API access: the instructor (or an admin) is sent to
/// <see cref="BuildAuthorizeUrl"/>, Canvas redirects back with <c>code</c> and <c>state</c>, and the code
/// is exchanged for a token pair at <c>&lt;canvas&gt;/login/oauth2/token</c>.
/// </summary>
public interface ICanvasOAuthClient
{
    /// <summary>
    /// <c>&lt;canvas&gt;/login/oauth2/auth?client_id=..&amp;response_type=code&amp;redirect_uri=..&amp;state=..[&amp;scope=..]</c>.
    /// <paramref name="state"/> must be unguessable and bound to the caller's session.
    /// </summary>
    Uri BuildAuthorizeUrl(Uri canvasBaseUrl, CanvasDeveloperKey developerKey, string state, IReadOnlyCollection<string>? scopes = null);

    /// <summary>Exchanges an authorisation code (single-use; never retried).</summary>
    Task<PlatformResult<CanvasOAuthToken>> ExchangeCodeAsync(Uri canvasBaseUrl, CanvasDeveloperKey developerKey, string code, CancellationToken cancellationToken);

    /// <summary>Gets a new access token; an <c>invalid_grant</c> means the user must connect again.</summary>
    Task<PlatformResult<CanvasOAuthToken>> RefreshAsync(Uri canvasBaseUrl, CanvasDeveloperKey developerKey, string refreshToken, CancellationToken cancellationToken);

    /// <summary>Revokes the token (<c>DELETE /login/oauth2/token</c>); an already invalid token counts as revoked.</summary>
    Task<PlatformResult<bool>> RevokeAsync(Uri canvasBaseUrl, string accessToken, CancellationToken cancellationToken);
}
