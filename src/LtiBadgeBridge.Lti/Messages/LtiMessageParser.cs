using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using C = LtiBadgeBridge.Lti.LtiConstants.Claims;

namespace LtiBadgeBridge.Lti.Messages;

/// <summary>Reads an <see cref="LtiMessage"/> from a JWT payload. Never throws on bad shapes.</summary>
public static class LtiMessageParser
{
    /// <summary>Parses the payload of <paramref name="token"/>; null when the payload is not a JSON object.</summary>
    public static LtiMessage? Parse(JsonWebToken token)
    {
        try
        {
            var json = Base64UrlEncoder.DecodeBytes(token.EncodedPayload);
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Parses a JSON payload text; null when it is not a JSON object.</summary>
    public static LtiMessage? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses a payload object; null when it is not a JSON object.</summary>
    public static LtiMessage? Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new LtiMessage
        {
            MessageType = payload.String(C.MessageType),
            Version = payload.String(C.Version),
            DeploymentId = payload.String(C.DeploymentId),
            TargetLinkUri = payload.String(C.TargetLinkUri),
            Issuer = payload.String("iss"),
            Audiences = payload.Strings("aud") ?? [],
            AuthorizedParty = payload.String("azp"),
            Subject = payload.String("sub"),
            Nonce = payload.String("nonce"),
            Expires = payload.NumericDate("exp"),
            IssuedAt = payload.NumericDate("iat"),
            Name = payload.String("name"),
            GivenName = payload.String("given_name"),
            FamilyName = payload.String("family_name"),
            Email = payload.String("email"),
            Locale = payload.String("locale"),
            Roles = payload.Strings(C.Roles),
            RoleScopeMentor = payload.Strings(C.RoleScopeMentor) ?? [],
            Context = ParseContext(payload.Object(C.Context)),
            ResourceLink = ParseResourceLink(payload.Object(C.ResourceLink)),
            AgsEndpoint = ParseAgs(payload.Object(C.AgsEndpoint)),
            NamesRoleService = ParseNrps(payload.Object(C.NamesRoleService)),
            Custom = ParseCustom(payload.Object(C.Custom)),
            ToolPlatform = ParseToolPlatform(payload.Object(C.ToolPlatform)),
            LaunchPresentation = ParseLaunchPresentation(payload.Object(C.LaunchPresentation)),
            DeepLinkingSettings = ParseDeepLinkingSettings(payload.Object(C.DeepLinkingSettings)),
            Canvas = new CanvasExtensionClaims
            {
                Placement = payload.String(C.CanvasPlacement),
                Lti11LegacyUserId = payload.String(C.Lti11LegacyUserId),
            },
        };
    }

    private static ContextClaim? ParseContext(JsonElement? element) =>
        element is { } e && e.NonEmptyString("id") is { } id
            ? new ContextClaim { Id = id, Label = e.String("label"), Title = e.String("title"), Types = e.Strings("type") ?? [] }
            : null;

    private static ResourceLinkClaim? ParseResourceLink(JsonElement? element) =>
        element is { } e && e.NonEmptyString("id") is { } id
            ? new ResourceLinkClaim { Id = id, Title = e.String("title"), Description = e.String("description") }
            : null;

    private static AgsEndpointClaim? ParseAgs(JsonElement? element) =>
        element is { } e
            ? new AgsEndpointClaim { Scopes = e.Strings("scope") ?? [], LineItems = e.AbsoluteUri("lineitems"), LineItem = e.AbsoluteUri("lineitem") }
            : null;

    private static NrpsClaim? ParseNrps(JsonElement? element) =>
        element is { } e && e.AbsoluteUri("context_memberships_url") is { } url
            ? new NrpsClaim { ContextMembershipsUrl = url, ServiceVersions = e.Strings("service_versions") ?? [] }
            : null;

    private static Dictionary<string, string> ParseCustom(JsonElement? element)
    {
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element is not { } e)
        {
            return custom;
        }

        foreach (var property in e.EnumerateObject())
        {
            custom[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? "",
                JsonValueKind.Null => "",
                _ => property.Value.GetRawText(),
            };
        }

        return custom;
    }

    private static ToolPlatformClaim? ParseToolPlatform(JsonElement? element) =>
        element is { } e
            ? new ToolPlatformClaim
            {
                Guid = e.String("guid"),
                Name = e.String("name"),
                Version = e.String("version"),
                ProductFamilyCode = e.String("product_family_code"),
                ContactEmail = e.String("contact_email"),
                Url = e.String("url"),
            }
            : null;

    private static LaunchPresentationClaim? ParseLaunchPresentation(JsonElement? element) =>
        element is { } e
            ? new LaunchPresentationClaim
            {
                DocumentTarget = e.String("document_target"),
                ReturnUrl = e.AbsoluteUri("return_url"),
                Locale = e.String("locale"),
                Width = e.Int("width"),
                Height = e.Int("height"),
            }
            : null;

    private static DeepLinkingSettingsClaim? ParseDeepLinkingSettings(JsonElement? element) =>
        element is { } e && e.AbsoluteUri("deep_link_return_url") is { } returnUrl
            ? new DeepLinkingSettingsClaim
            {
                DeepLinkReturnUrl = returnUrl,
                AcceptTypes = e.Strings("accept_types") ?? [],
                AcceptPresentationDocumentTargets = e.Strings("accept_presentation_document_targets") ?? [],
                AcceptMediaTypes = e.String("accept_media_types"),
                AcceptMultiple = e.Bool("accept_multiple") ?? false,
                AcceptLineItem = e.Bool("accept_lineitem") ?? false,
                AutoCreate = e.Bool("auto_create") ?? false,
                Title = e.String("title"),
                Text = e.String("text"),
                Data = e.String("data"),
            }
            : null;
}
