using System.Collections.Concurrent;
using System.Globalization;
using WireMock;

namespace LtiBadgeBridge.Testing.Emulators;

public sealed partial class EmulatedCanvas
{
    private readonly ConcurrentDictionary<string, string> authorizationCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> refreshTokens = new(StringComparer.Ordinal);
    private int issued;
    private int refreshRequests;

    /// <summary>Revoked access tokens (DELETE /login/oauth2/token).</summary>
    public int RevokedTokens { get; private set; }

    /// <summary>
    /// What Canvas does when the user clicks "Authorize": issues a single-use code bound to the redirect
    /// URI (the test then plays the redirect back to the tool).
    /// </summary>
    public string IssueAuthorizationCode(Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var code = "code-" + Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture);
        authorizationCodes[code] = redirectUri.AbsoluteUri;
        return code;
    }

    /// <summary>Refresh-token grants answered (successful or not).</summary>
    public int RefreshRequests => Volatile.Read(ref refreshRequests);

    /// <summary>Every refresh token stops working (the user revoked the app's access).</summary>
    public void RevokeRefreshTokens() => refreshTokens.Clear();

    /// <summary>True when the access token is currently accepted by the API.</summary>
    public bool IsAccessTokenValid(string accessToken) => accessTokens.TryGetValue(accessToken, out var valid) && valid;

    private WireMock.ResponseMessage OAuth(IRequestMessage request)
    {
        if (request.Path != "/login/oauth2/token")
        {
            return EmulatorHttp.Text(200, "<html><body>Authorize?</body></html>", "text/html");
        }

        if (string.Equals(request.Method, "DELETE", StringComparison.OrdinalIgnoreCase))
        {
            var authorization = EmulatorHttp.Header(request, "Authorization") ?? string.Empty;
            var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : string.Empty;
            if (!accessTokens.TryRemove(token, out _))
            {
                var unauthorized = EmulatorHttp.JsonResponse(401, new { errors = new[] { new { message = "Invalid access token." } } });
                unauthorized.AddHeader("WWW-Authenticate", "Bearer realm=\"canvas-lms\"");
                return unauthorized;
            }

            RevokedTokens++;
            return EmulatorHttp.JsonResponse(200, new { });
        }

        var form = EmulatorHttp.Parameters(request);
        if (form.GetValueOrDefault("grant_type") == "client_credentials")
        {
            return LtiClientCredentials(form);
        }

        if (form.GetValueOrDefault("client_id") != Options.ClientId || form.GetValueOrDefault("client_secret") != Options.ClientSecret)
        {
            return EmulatorHttp.JsonResponse(401, new { error = "invalid_client", error_description = "unknown client" });
        }

        switch (form.GetValueOrDefault("grant_type"))
        {
            case "authorization_code":
                var code = form.GetValueOrDefault("code") ?? string.Empty;
                if (!authorizationCodes.TryRemove(code, out var redirect) || redirect != form.GetValueOrDefault("redirect_uri"))
                {
                    return EmulatorHttp.JsonResponse(400, new { error = "invalid_grant", error_description = "authorization_code not found" });
                }

                var refresh = "canvas-rt-" + Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture);
                refreshTokens[refresh] = true;
                return EmulatorHttp.JsonResponse(200, TokenBody(includeRefresh: refresh));
            case "refresh_token":
                Interlocked.Increment(ref refreshRequests);
                if (!refreshTokens.ContainsKey(form.GetValueOrDefault("refresh_token") ?? string.Empty))
                {
                    return EmulatorHttp.JsonResponse(400, new { error = "invalid_grant", error_description = "refresh_token not found" });
                }

                return EmulatorHttp.JsonResponse(200, TokenBody(includeRefresh: null));
            default:
                return EmulatorHttp.JsonResponse(400, new { error = "unsupported_grant_type" });
        }
    }

    private Dictionary<string, object?> TokenBody(string? includeRefresh)
    {
        var access = "canvas-at-" + Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture);
        accessTokens[access] = true;
        var body = new Dictionary<string, object?>
        {
            ["access_token"] = access,
            ["token_type"] = "Bearer",
            ["user"] = new { id = 42, name = "Course Instructor", global_id = "10000000000042" },
            ["expires_in"] = Options.TokenLifetimeSeconds,
            ["canvas_region"] = "us-east-1",
        };
        if (includeRefresh is not null)
        {
            body["refresh_token"] = includeRefresh;
        }

        return body;
    }
}
