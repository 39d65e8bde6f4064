using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Platforms.Canvas.OAuth;

namespace LtiBadgeBridge.Sync.Canvas;

/// <summary>
/// A course's Canvas client with its OAuth2 token: refreshes the token ahead of expiry, and once after a
/// 401 with <c>WWW-Authenticate</c>; a second such 401 (or a refused refresh) is returned to the caller.
/// </summary>
internal sealed class CanvasSession
{
    private readonly ICanvasClientFactory factory;
    private readonly ICanvasOAuthClient oauth;
    private readonly PlatformCredentialsStore credentials;
    private readonly CanvasDeveloperKey developerKey;
    private readonly Uri baseUrl;
    private readonly long platformId;
    private readonly long courseId;
    private readonly TimeProvider timeProvider;
    private CanvasOAuthToken token;
    private bool refreshed;

    public CanvasSession(
        ICanvasClientFactory factory,
        ICanvasOAuthClient oauth,
        PlatformCredentialsStore credentials,
        CanvasDeveloperKey developerKey,
        Uri baseUrl,
        long platformId,
        long courseId,
        CanvasOAuthToken token,
        TimeProvider timeProvider)
    {
        this.factory = factory;
        this.oauth = oauth;
        this.credentials = credentials;
        this.developerKey = developerKey;
        this.baseUrl = baseUrl;
        this.platformId = platformId;
        this.courseId = courseId;
        this.token = token;
        this.timeProvider = timeProvider;
        Client = factory.Create(baseUrl, token.AccessToken);
    }

    public ICanvasClient Client { get; private set; }

    /// <summary>Calls Canvas, refreshing the token once when Canvas says it is invalid or it is about to expire.</summary>
    public async Task<PlatformResult<T>> CallAsync<T>(Func<ICanvasClient, Task<PlatformResult<T>>> call, CancellationToken cancellationToken)
    {
        if (!refreshed && token.RefreshToken is not null && token.ExpiresWithin(TimeSpan.FromMinutes(1), timeProvider))
        {
            var early = await RefreshAsync(cancellationToken);
            if (early is not null)
            {
                return early;
            }
        }

        var result = await call(Client);
        if (result.IsSuccess || result.Error.Kind != PlatformErrorKind.TokenInvalid || refreshed)
        {
            return result;
        }

        var failure = await RefreshAsync(cancellationToken);
        return failure ?? await call(Client);
    }

    private async Task<PlatformError?> RefreshAsync(CancellationToken cancellationToken)
    {
        refreshed = true;
        if (token.RefreshToken is null)
        {
            return new PlatformError
            {
                Kind = PlatformErrorKind.TokenInvalid,
                Code = PlatformErrorCodes.CanvasTokenInvalid,
                Message = "The Canvas access token is invalid or expired and there is no refresh token.",
            };
        }

        var renewed = await oauth.RefreshAsync(baseUrl, developerKey, token.RefreshToken, cancellationToken);
        if (!renewed.IsSuccess)
        {
            return renewed.Error;
        }

        token = renewed.Value with { RefreshToken = renewed.Value.RefreshToken ?? token.RefreshToken, CanvasUserId = renewed.Value.CanvasUserId ?? token.CanvasUserId };
        await credentials.SaveCourseTokenAsync(platformId, courseId, token, cancellationToken);
        Client = factory.Create(baseUrl, token.AccessToken);
        return null;
    }
}
