using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Lti.DynamicRegistration;

/// <summary>The tool side of LTI Dynamic Registration 1.0: fetch and validate the platform configuration
/// with the registration token, then post the tool's registration and read the answer.</summary>
public sealed class DynamicRegistrationClient(HttpClient httpClient, IOptions<LtiToolOptions> options)
{
    private const int MaxResponseBytes = 256 * 1024;

    public async Task<LtiResult<PlatformConfiguration>> GetPlatformConfigurationAsync(
        Uri openIdConfigurationUrl, string? registrationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openIdConfigurationUrl);
        if (!IsHttp(openIdConfigurationUrl))
        {
            return Invalid("The openid_configuration URL is not an http(s) URL.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, openIdConfigurationUrl);
        AddHeaders(request, registrationToken);
        byte[]? body;
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            body = await HttpContentReader.ReadLimitedAsync(response.Content, MaxResponseBytes, cancellationToken);
            if (!response.IsSuccessStatusCode || body is null)
            {
                return Invalid($"The platform configuration could not be fetched (HTTP {(int)response.StatusCode}).");
            }
        }
        catch (HttpRequestException)
        {
            return Invalid("The platform configuration could not be fetched.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Validate(document.RootElement, openIdConfigurationUrl);
        }
        catch (JsonException)
        {
            return Invalid("The platform configuration is not JSON.");
        }
    }

    /// <summary>Posts <paramref name="registrationRequest"/> (see <see cref="ToolRegistrationRequestBuilder"/>).</summary>
    public async Task<LtiResult<ToolRegistrationResult>> RegisterAsync(
        PlatformConfiguration platform, JsonObject registrationRequest, string? registrationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(registrationRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, platform.RegistrationEndpoint)
        {
            Content = new StringContent(registrationRequest.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        AddHeaders(request, registrationToken);
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await HttpContentReader.ReadLimitedAsync(response.Content, MaxResponseBytes, cancellationToken);
        if (!response.IsSuccessStatusCode || body is null)
        {
            return LtiResult<ToolRegistrationResult>.Fail(LtiErrorCodes.RegistrationFailed, $"The platform refused the registration (HTTP {(int)response.StatusCode}).");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.NonEmptyString("client_id") is not { } clientId)
            {
                return LtiResult<ToolRegistrationResult>.Fail(LtiErrorCodes.RegistrationFailed, "The registration response has no client_id.");
            }

            var toolConfiguration = root.Object(LtiConstants.DynamicRegistration.ToolConfiguration);
            var granted = root.String("scope") is { } scope
                ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                : [];
            return LtiResult<ToolRegistrationResult>.Ok(new ToolRegistrationResult
            {
                ClientId = clientId,
                DeploymentId = toolConfiguration?.String("deployment_id") ?? root.String("deployment_id"),
                GrantedScopes = granted,
                RequiresPlatformActivation = platform.ProductFamily == ProductFamily.Moodle,
            });
        }
        catch (JsonException)
        {
            return LtiResult<ToolRegistrationResult>.Fail(LtiErrorCodes.RegistrationFailed, "The registration response is not JSON.");
        }
    }

    private static LtiResult<PlatformConfiguration> Validate(JsonElement root, Uri openIdConfigurationUrl)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("The platform configuration is not a JSON object.");
        }

        var issuer = root.NonEmptyString("issuer");
        if (issuer is null || !Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri)
            || !string.Equals(issuerUri.Host, openIdConfigurationUrl.Host, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("The configuration's issuer does not match the host of the openid_configuration URL.");
        }

        var authorization = root.AbsoluteUri("authorization_endpoint");
        var token = root.AbsoluteUri("token_endpoint");
        var jwks = root.AbsoluteUri("jwks_uri");
        var registration = root.AbsoluteUri("registration_endpoint");
        if (authorization is null || token is null || jwks is null || registration is null)
        {
            return Invalid("The configuration lacks one of authorization_endpoint, token_endpoint, jwks_uri, registration_endpoint.");
        }

        if (root.Strings("id_token_signing_alg_values_supported") is { } algs && !algs.Contains("RS256", StringComparer.Ordinal))
        {
            return Invalid("The platform does not sign id_tokens with RS256.");
        }

        var lti = root.Object(LtiConstants.DynamicRegistration.PlatformConfiguration);
        var messages = new List<string>();
        if (lti is { } ltiConfiguration
            && ltiConfiguration.TryGetProperty("messages_supported", out var supported) && supported.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in supported.EnumerateArray())
            {
                if (message.String("type") is { } type)
                {
                    messages.Add(type);
                }
            }
        }

        return LtiResult<PlatformConfiguration>.Ok(new PlatformConfiguration
        {
            Issuer = issuer,
            AuthorizationEndpoint = authorization,
            TokenEndpoint = token,
            JwksUri = jwks,
            RegistrationEndpoint = registration,
            AuthorizationServer = root.NonEmptyString("authorization_server"),
            ScopesSupported = root.Strings("scopes_supported") ?? [],
            MessagesSupported = messages,
            ProductFamilyCode = lti?.String("product_family_code"),
            Version = lti?.String("version"),
        });
    }

    private void AddHeaders(HttpRequestMessage request, string? registrationToken)
    {
        request.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
        request.Headers.Accept.ParseAdd("application/json");
        if (!string.IsNullOrEmpty(registrationToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", registrationToken);
        }
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static LtiResult<PlatformConfiguration> Invalid(string message) =>
        LtiResult<PlatformConfiguration>.Fail(LtiErrorCodes.RegistrationConfigurationInvalid, message);
}
