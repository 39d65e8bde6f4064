using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>
/// The deep linking return URL of the demo LMS: verifies the tool's <c>LtiDeepLinkingResponse</c> as a platform must
/// (RS256 signature with the tool's key set, <c>iss</c> = the client id, <c>aud</c> = this issuer, not expired, the
/// deployment, a nonce not seen before, and the <c>data</c> of an open request of this LMS echoed back), then turns
/// each <c>ltiResourceLink</c> into a module item, with a gradebook column for its <c>lineItem</c>.
/// </summary>
internal static class DemoDeepLinkingResponse
{
    public const string CodeMissing = "deep_linking.jwt_missing";
    public const string CodeSignature = "deep_linking.signature_invalid";
    public const string CodeMessage = "deep_linking.message_invalid";
    public const string CodeDeployment = "deep_linking.deployment_mismatch";
    public const string CodeNonce = "deep_linking.nonce_invalid";
    public const string CodeRequest = "deep_linking.request_unknown";

    private const int MaxItems = 20;

    public static async Task<IResult> ReceiveAsync(HttpContext http, DemoLms lms)
    {
        var jwt = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted))["JWT"].ToString() : "";
        if (jwt.Length == 0)
        {
            return DemoPages.ErrorPage(400, CodeMissing, "The tool returned no deep linking response (form field JWT).");
        }

        var verified = await VerifyAsync(lms, jwt, http.RequestAborted);
        if (verified.Code is { } code)
        {
            return DemoPages.ErrorPage(400, code, verified.Message!);
        }

        var payload = verified.Payload!;
        var added = new List<DemoModuleItem>();
        if (payload[LtiConstants.Claims.ContentItems] is JsonArray items)
        {
            foreach (var node in items.Take(MaxItems))
            {
                if (node is JsonObject item && Text(item, "type") == LtiConstants.ContentItemTypes.LtiResourceLink && ToModuleItem(lms, item) is { } moduleItem)
                {
                    added.Add(lms.Modules.Add(moduleItem));
                }
            }
        }

        var back = DemoDeepLinking.ModulesHref(verified.Request!.UserId);
        var message = Text(payload, LtiConstants.Claims.ErrorMsg) ?? Text(payload, LtiConstants.Claims.Msg);
        var html = new StringBuilder("<main><h1>")
            .Append(added.Count == 1 ? "Added 1 item" : $"Added {added.Count.ToString(CultureInfo.InvariantCulture)} items").Append(" to ").Append(DemoPages.Encode(DemoModules.ModuleName)).Append("</h1>")
            .Append(message is null ? "" : "<p>" + DemoPages.Encode(message) + "</p>")
            .Append("<p><a id=\"back-to-modules\" target=\"_top\" href=\"").Append(back).Append("\">Back to Modules</a></p></main>")
            .Append("<script>window.top.location.href=").Append(JsonSerializer.Serialize(back)).Append(";</script>");
        return DemoPages.Page("Items added", html.ToString());
    }

    /// <summary>The response's payload and the request it answers, or a stable code saying why it is refused.</summary>
    internal static async Task<Verification> VerifyAsync(DemoLms lms, string jwt, CancellationToken cancellationToken)
    {
        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(await lms.ToolKeySet(cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException or TaskCanceledException or JsonException)
        {
            return Verification.Fail(CodeSignature, "The tool's public key set could not be read from its JWKS URL.");
        }

        var options = lms.Options;
        var now = lms.TimeProvider.GetUtcNow().UtcDateTime;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = options.ClientId,
            ValidAudience = options.Issuer,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > now && e < now.AddHours(1),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return Verification.Fail(CodeSignature, "The deep linking response is not signed by the tool for this LMS (signature, issuer, audience or expiry).");
        }

        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)) as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null || Text(payload, LtiConstants.Claims.MessageType) != LtiConstants.MessageTypes.DeepLinkingResponse
            || Text(payload, LtiConstants.Claims.Version) != LtiConstants.LtiVersion)
        {
            return Verification.Fail(CodeMessage, "The token is not an LTI 1.3 deep linking response.");
        }

        if (Text(payload, LtiConstants.Claims.DeploymentId) != options.DeploymentId)
        {
            return Verification.Fail(CodeDeployment, "The response names another deployment of the tool.");
        }

        if (Text(payload, "nonce") is not { Length: > 0 } nonce || !lms.Modules.TryUseNonce(nonce, new DateTimeOffset(token.ValidTo, TimeSpan.Zero)))
        {
            return Verification.Fail(CodeNonce, "The response has no nonce, or was received before (a replay).");
        }

        if (lms.Modules.CloseRequest(Text(payload, LtiConstants.Claims.Data)) is not { } request)
        {
            return Verification.Fail(CodeRequest, "The response answers no open deep linking request of this LMS (data missing, used or expired).");
        }

        return new Verification { Payload = payload, Request = request };
    }

    private static DemoModuleItem? ToModuleItem(DemoLms lms, JsonObject item)
    {
        var url = lms.Options.ToolLaunchUri;
        if (Text(item, "url") is { } given)
        {
            // Canvas only links to the tool's own domain.
            if (!Uri.TryCreate(given, UriKind.Absolute, out var parsed) || !string.Equals(parsed.Authority, lms.Options.ToolOrigin.Authority, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            url = parsed;
        }

        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item["custom"] is JsonObject parameters)
        {
            foreach (var (key, value) in parameters)
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var s))
                {
                    custom[key] = s;
                }
            }
        }

        var title = Text(item, "title") is { Length: > 0 } t ? t : "Badges";
        var resourceLinkId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        long? lineItemId = null;
        if (item["lineItem"] is JsonObject lineItem
            && lineItem["scoreMaximum"] is JsonValue max && max.TryGetValue<double>(out var scoreMaximum) && scoreMaximum > 0)
        {
            lineItemId = lms.Gradebook.Add(new DemoLineItem
            {
                Label = Text(lineItem, "label") is { Length: > 0 } label ? label : title,
                ScoreMaximum = scoreMaximum,
                ResourceId = Text(lineItem, "resourceId"),
                Tag = Text(lineItem, "tag"),
                ResourceLinkId = resourceLinkId,
            }).Id;
        }

        return new DemoModuleItem { Title = title, Text = Text(item, "text"), Url = url, ResourceLinkId = resourceLinkId, Custom = custom, LineItemId = lineItemId };
    }

    private static string? Text(JsonObject item, string name) =>
        item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A verified response, or why not.</summary>
    internal sealed record Verification
    {
        public JsonObject? Payload { get; init; }

        public DemoDeepLinkRequest? Request { get; init; }

        public string? Code { get; init; }

        public string? Message { get; init; }

        public static Verification Fail(string code, string message) => new() { Code = code, Message = message };
    }
}
