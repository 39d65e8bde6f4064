using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Lti.DeepLinking;

/// <summary>Builds the signed <c>LtiDeepLinkingResponse</c> for a validated LtiDeepLinkingRequest:
/// iss = our client id, aud = the platform issuer, the request's deployment_id, <c>data</c> echoed.</summary>
public sealed class DeepLinkingResponseBuilder(TimeProvider timeProvider)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>How long the response JWT is valid.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The response to post to <see cref="DeepLinkingResponse.ReturnUrl"/>, or why the items do not
    /// fit what the platform accepts.</summary>
    public LtiResult<DeepLinkingResponse> Build(
        LtiLaunch launch, IReadOnlyList<ContentItem> items, ToolKeySet keys, string? message = null, string? errorMessage = null)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keys);
        var settings = launch.Message.DeepLinkingSettings;
        if (!launch.Message.IsDeepLinkingRequest || settings is null)
        {
            return LtiResult<DeepLinkingResponse>.Fail(LtiErrorCodes.DeepLinkingNotRequested, "The launch is not a deep linking request.");
        }

        if (items.Count > 1 && !settings.AcceptMultiple)
        {
            return LtiResult<DeepLinkingResponse>.Fail(LtiErrorCodes.DeepLinkingMultipleNotAccepted, "The platform accepts a single item.");
        }

        var contentItems = new JsonArray();
        foreach (var item in items)
        {
            if (settings.AcceptTypes.Count > 0 && !settings.AcceptTypes.Contains(item.Type, StringComparer.Ordinal))
            {
                return LtiResult<DeepLinkingResponse>.Fail(LtiErrorCodes.DeepLinkingTypeNotAccepted, $"The platform does not accept {item.Type} items.");
            }

            var json = item.ToJson();
            if (!settings.AcceptLineItem)
            {
                json.Remove("lineItem");
            }

            contentItems.Add(json);
        }

        var now = timeProvider.GetUtcNow();
        var payload = new JsonObject
        {
            ["iss"] = launch.Registration.ClientId,
            ["aud"] = launch.Registration.Issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["nonce"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24)),
            [LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingResponse,
            [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
            [LtiConstants.Claims.DeploymentId] = launch.DeploymentId,
            [LtiConstants.Claims.ContentItems] = contentItems,
        };
        if (settings.Data is not null)
        {
            payload[LtiConstants.Claims.Data] = settings.Data;
        }

        if (message is not null)
        {
            payload[LtiConstants.Claims.Msg] = message;
        }

        if (errorMessage is not null)
        {
            payload[LtiConstants.Claims.ErrorMsg] = errorMessage;
        }

        var jwt = Handler.CreateToken(payload.ToJsonString(), keys.SigningCredentials);
        return LtiResult<DeepLinkingResponse>.Ok(new DeepLinkingResponse(settings.DeepLinkReturnUrl, jwt));
    }
}

/// <summary>The signed response and where to post it (form field <c>JWT</c>).</summary>
public sealed record DeepLinkingResponse(Uri ReturnUrl, string Jwt)
{
    /// <summary>The auto-submitting form page; pass the CSP nonce when the page's policy requires one.</summary>
    public string ToAutoPostHtml(string? scriptNonce = null) => AutoPostForm.Render(ReturnUrl, [new("JWT", Jwt)], scriptNonce);
}
