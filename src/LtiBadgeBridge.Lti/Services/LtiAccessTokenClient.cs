using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LtiBadgeBridge.Lti.Services;

/// <summary>Obtains access tokens by <c>client_credentials</c> with a signed JWT client assertion
/// (<c>private_key_jwt</c>: iss = sub = client id, aud = the registration's token audience, unique jti,
/// RS256), cached per (registration, scopes) until shortly before expiry. Register as a singleton.</summary>
public sealed class LtiAccessTokenClient
{
    private const int MaxResponseBytes = 64 * 1024;
    private static readonly JsonWebTokenHandler Handler = new();
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private readonly HttpClient _httpClient;
    private readonly IToolKeySetProvider _keys;
    private readonly TimeProvider _timeProvider;
    private readonly LtiToolOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, LtiAccessToken> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public LtiAccessTokenClient(
        HttpClient httpClient,
        IToolKeySetProvider keys,
        TimeProvider timeProvider,
        IOptions<LtiToolOptions> options,
        ILogger<LtiAccessTokenClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _keys = keys;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>A valid token for <paramref name="scopes"/>, from the cache or the platform.</summary>
    public async Task<LtiResult<LtiAccessToken>> GetTokenAsync(
        PlatformRegistration registration, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(scopes);
        if (registration.GrantedScopes is { } granted && scopes.FirstOrDefault(s => !granted.Contains(s, StringComparer.Ordinal)) is { } missing)
        {
            return LtiResult<LtiAccessToken>.Fail(LtiErrorCodes.ScopeNotGranted, $"The platform did not grant the scope {missing}.");
        }

        var key = CacheKey(registration, scopes);
        if (TryCached(key) is { } cached)
        {
            return LtiResult<LtiAccessToken>.Ok(cached);
        }

        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (TryCached(key) is { } raced)
            {
                return LtiResult<LtiAccessToken>.Ok(raced);
            }

            var result = await RequestTokenAsync(registration, scopes, cancellationToken);
            if (result.IsSuccess)
            {
                _cache[key] = result.Value;
            }

            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> (after a 401) so the next call fetches a new one.</summary>
    public void Invalidate(PlatformRegistration registration, IReadOnlyCollection<string> scopes, LtiAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(scopes);
        var key = CacheKey(registration, scopes);
        _cache.TryRemove(new KeyValuePair<string, LtiAccessToken>(key, token));
    }

    private LtiAccessToken? TryCached(string key) =>
        _cache.TryGetValue(key, out var token) && token.ExpiresAt - RenewBefore > _timeProvider.GetUtcNow() ? token : null;

    private static string CacheKey(PlatformRegistration registration, IReadOnlyCollection<string> scopes) =>
        registration.Id + "\n" + string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private async Task<LtiResult<LtiAccessToken>> RequestTokenAsync(
        PlatformRegistration registration, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var keySet = await _keys.GetKeySetAsync(cancellationToken);
        var now = _timeProvider.GetUtcNow();
        var assertion = new JsonObject
        {
            ["iss"] = registration.ClientId,
            ["sub"] = registration.ClientId,
            ["aud"] = registration.EffectiveTokenAudience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var scope = string.Join(' ', scopes);
        using var request = new HttpRequestMessage(HttpMethod.Post, registration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                new("client_assertion", Handler.CreateToken(assertion.ToJsonString(), keySet.SigningCredentials)),
                new("scope", scope),
            ]),
        };
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await HttpContentReader.ReadLimitedAsync(response.Content, MaxResponseBytes, cancellationToken);
        if (!response.IsSuccessStatusCode || body is null)
        {
            LtiLog.AccessTokenFailed(_logger, registration.Id, (int)response.StatusCode);
            return LtiResult<LtiAccessToken>.Fail(new LtiError(LtiErrorCodes.TokenRequestFailed, $"The token endpoint answered HTTP {(int)response.StatusCode}.") { HttpStatus = (int)response.StatusCode });
        }

        return Parse(body, registration, scopes, now);
    }

    private LtiResult<LtiAccessToken> Parse(byte[] body, PlatformRegistration registration, IReadOnlyCollection<string> scopes, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var tokenElement) || tokenElement.ValueKind != JsonValueKind.String
                || tokenElement.GetString() is not { Length: > 0 } value)
            {
                return LtiResult<LtiAccessToken>.Fail(LtiErrorCodes.TokenRequestFailed, "The token response has no access_token.");
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number && expires.TryGetInt32(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromMinutes(5);
            var grantedScopes = root.TryGetProperty("scope", out var scopeElement) && scopeElement.ValueKind == JsonValueKind.String
                ? scopeElement.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                : [.. scopes];
            LtiLog.AccessTokenObtained(_logger, registration.Id, lifetime);
            return LtiResult<LtiAccessToken>.Ok(new LtiAccessToken(value, now + lifetime, grantedScopes));
        }
        catch (JsonException)
        {
            return LtiResult<LtiAccessToken>.Fail(LtiErrorCodes.TokenRequestFailed, "The token response is not JSON.");
        }
    }
}
