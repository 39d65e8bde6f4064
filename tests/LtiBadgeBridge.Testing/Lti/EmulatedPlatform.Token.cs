using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using WireMock;

namespace LtiBadgeBridge.Testing.Lti;

public sealed partial class EmulatedPlatform
{
    private readonly ConcurrentDictionary<string, byte> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _seenJti = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _clientAssertions = new();
    private int _tokenRequests;

    /// <summary><c>expires_in</c> of issued access tokens, in seconds.</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 3600;

    public int TokenRequestCount => Volatile.Read(ref _tokenRequests);

    /// <summary>Every client assertion received, for the test to verify with the tool's public key.</summary>
    public IReadOnlyCollection<string> ClientAssertions => _clientAssertions;

    /// <summary>The scopes granted in the last token response.</summary>
    public string? LastGrantedScope { get; private set; }

    /// <summary>Invalidates every issued access token: the next service call gets 401.</summary>
    public void RevokeAccessTokens() => _accessTokens.Clear();

    private void MapToken() =>
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(TokenEndpoint.AbsolutePath).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(IssueToken));

    private ResponseMessage IssueToken(IRequestMessage request)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = ParseForm(request.Body);
        string Get(string name) => form.GetValueOrDefault(name) ?? "";
        if (Get("grant_type") != "client_credentials"
            || Get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return Json(400, """{"error":"unsupported_grant_type"}""");
        }

        var assertion = Get("client_assertion");
        _clientAssertions.Enqueue(assertion);
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(assertion);
        }
        catch (ArgumentException)
        {
            return Json(400, """{"error":"invalid_client"}""");
        }

        var audiences = jwt.Audiences.ToList();
        if (jwt.Issuer != ClientId || jwt.Subject != ClientId || !audiences.Contains(TokenAudience)
            || string.IsNullOrEmpty(jwt.Id) || !_seenJti.TryAdd(jwt.Id, 0) || jwt.Alg != "RS256")
        {
            return Json(400, """{"error":"invalid_client"}""");
        }

        var token = "at-" + Guid.NewGuid().ToString("N");
        _accessTokens[token] = 0;
        LastGrantedScope = Get("scope");
        var body = new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = AccessTokenLifetimeSeconds,
            ["scope"] = LastGrantedScope,
        };
        return Json(200, body.ToJsonString());
    }

    private bool IsAuthorized(IRequestMessage request)
    {
        if (request.Headers is null || !request.Headers.TryGetValue("Authorization", out var values))
        {
            return false;
        }

        var header = values.ToString() ?? "";
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.ContainsKey(header["Bearer ".Length..]);
    }

    private static Dictionary<string, string> ParseForm(string? body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            form[name] = value;
        }

        return form;
    }
}
