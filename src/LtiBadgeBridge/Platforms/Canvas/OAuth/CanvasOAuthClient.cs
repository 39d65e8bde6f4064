using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiBadgeBridge.Platforms.Canvas.OAuth;

/// <summary>The Canvas OAuth2 client; registered by <see cref="CanvasServiceCollectionExtensions.AddCanvasClient"/>.</summary>
internal sealed class CanvasOAuthClient : ICanvasOAuthClient
{
    private const string TokenPath = "/login/oauth2/token";

    private readonly IHttpClientFactory httpClientFactory;
    private readonly TimeProvider timeProvider;

    public CanvasOAuthClient(IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        this.httpClientFactory = httpClientFactory;
        this.timeProvider = timeProvider;
    }

    public Uri BuildAuthorizeUrl(Uri canvasBaseUrl, CanvasDeveloperKey developerKey, string state, IReadOnlyCollection<string>? scopes = null)
    {
        ArgumentNullException.ThrowIfNull(developerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        var query = new List<KeyValuePair<string, string>>
        {
            new("client_id", developerKey.ClientId),
            new("response_type", "code"),
            new("redirect_uri", developerKey.RedirectUri.AbsoluteUri),
            new("state", state),
        };
        if (scopes is { Count: > 0 })
        {
            query.Add(new("scope", string.Join(' ', scopes)));
        }

        var encoded = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(Root(canvasBaseUrl), "/login/oauth2/auth?" + encoded);
    }

    public Task<PlatformResult<CanvasOAuthToken>> ExchangeCodeAsync(Uri canvasBaseUrl, CanvasDeveloperKey developerKey, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(developerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return PostTokenAsync(
            canvasBaseUrl,
            [
                new("grant_type", "authorization_code"),
                new("client_id", developerKey.ClientId),
                new("client_secret", developerKey.ClientSecret),
                new("redirect_uri", developerKey.RedirectUri.AbsoluteUri),
                new("code", code),
            ],
            previousRefreshToken: null,
            cancellationToken);
    }

    public Task<PlatformResult<CanvasOAuthToken>> RefreshAsync(Uri canvasBaseUrl, CanvasDeveloperKey developerKey, string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(developerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return PostTokenAsync(
            canvasBaseUrl,
            [
                new("grant_type", "refresh_token"),
                new("client_id", developerKey.ClientId),
                new("client_secret", developerKey.ClientSecret),
                new("refresh_token", refreshToken),
            ],
            refreshToken,
            cancellationToken);
    }

    public async Task<PlatformResult<bool>> RevokeAsync(Uri canvasBaseUrl, string accessToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Root(canvasBaseUrl), TokenPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await Http().SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return true;
            }

            return Failed(PlatformErrorKind.Transient, PlatformErrorCodes.CanvasOAuthFailed, (int)response.StatusCode,
                $"Canvas did not revoke the token (HTTP {(int)response.StatusCode}).");
        }
        catch (HttpRequestException ex)
        {
            return Failed(PlatformErrorKind.Transient, PlatformErrorCodes.CanvasOAuthFailed, null, $"Canvas could not be reached ({ex.GetType().Name}).");
        }
    }

    private async Task<PlatformResult<CanvasOAuthToken>> PostTokenAsync(
        Uri canvasBaseUrl,
        List<KeyValuePair<string, string>> form,
        string? previousRefreshToken,
        CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(form);
        try
        {
            using var response = await Http().PostAsync(new Uri(Root(canvasBaseUrl), TokenPath), content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ClassifyFailure(response.StatusCode, body);
            }

            var token = JsonSerializer.Deserialize<TokenResponse>(body, CanvasJson.Options);
            if (token?.AccessToken is not { Length: > 0 } accessToken)
            {
                return Failed(PlatformErrorKind.InvalidResponse, PlatformErrorCodes.CanvasOAuthFailed, (int)response.StatusCode,
                    "Canvas answered the token request without an access token.");
            }

            return new CanvasOAuthToken
            {
                AccessToken = accessToken,
                RefreshToken = token.RefreshToken ?? previousRefreshToken,
                ExpiresAt = token.ExpiresIn is { } seconds ? timeProvider.GetUtcNow().AddSeconds(seconds) : null,
                CanvasUserId = token.User?.Id,
                Scope = token.Scope,
            };
        }
        catch (JsonException)
        {
            return Failed(PlatformErrorKind.InvalidResponse, PlatformErrorCodes.CanvasOAuthFailed, null,
                "Canvas answered the token request with something other than JSON.");
        }
        catch (HttpRequestException ex)
        {
            return Failed(PlatformErrorKind.Transient, PlatformErrorCodes.CanvasOAuthFailed, null, $"Canvas could not be reached ({ex.GetType().Name}).");
        }
    }

    private static PlatformError ClassifyFailure(HttpStatusCode status, string body)
    {
        string? error = null;
        try
        {
            error = JsonSerializer.Deserialize<ErrorResponse>(body, CanvasJson.Options)?.Error;
        }
        catch (JsonException)
        {
            // Not JSON: classify on the status alone.
        }

        return error switch
        {
            "invalid_grant" => Failed(PlatformErrorKind.TokenInvalid, PlatformErrorCodes.CanvasOAuthInvalidGrant, (int)status,
                "Canvas refused the authorisation code or refresh token (expired, used or revoked); the course must be connected again."),
            "invalid_client" or "unauthorized_client" => Failed(PlatformErrorKind.NotAuthorized, PlatformErrorCodes.CanvasOAuthInvalidClient, (int)status,
                "Canvas refused the developer key (wrong client id or secret, key disabled, or redirect URI not registered on the key)."),
            _ when (int)status >= 500 => Failed(PlatformErrorKind.Transient, PlatformErrorCodes.CanvasOAuthFailed, (int)status,
                $"Canvas failed the token request (HTTP {(int)status}); try again later."),
            _ => Failed(PlatformErrorKind.InvalidParameter, PlatformErrorCodes.CanvasOAuthFailed, (int)status,
                $"Canvas refused the token request (HTTP {(int)status}{(error is null ? string.Empty : ", " + error)})."),
        };
    }

    private static PlatformError Failed(PlatformErrorKind kind, string code, int? status, string message) =>
        new() { Kind = kind, Code = code, HttpStatus = status, Message = message };

    private static Uri Root(Uri canvasBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(canvasBaseUrl);
        return new Uri(canvasBaseUrl.GetLeftPart(UriPartial.Authority));
    }

    private HttpClient Http() => httpClientFactory.CreateClient(CanvasServiceCollectionExtensions.OAuthHttpClientName);

    private sealed record TokenResponse
    {
        public string? AccessToken { get; init; }

        public string? RefreshToken { get; init; }

        public double? ExpiresIn { get; init; }

        public string? Scope { get; init; }

        public TokenUser? User { get; init; }
    }

    private sealed record TokenUser
    {
        public long? Id { get; init; }
    }

    private sealed record ErrorResponse
    {
        [JsonPropertyName("error")]
        public string? Error { get; init; }
    }
}
