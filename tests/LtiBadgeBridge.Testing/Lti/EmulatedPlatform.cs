using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Platforms;
using WireMock;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace LtiBadgeBridge.Testing.Lti;

/// <summary>
/// A Canvas- or Moodle-like LTI 1.3 platform over real HTTP (WireMock on 127.0.0.1): it holds an RSA key,
/// serves its key set, an OIDC authorization endpoint, a token endpoint, AGS and NRPS with each platform's
/// quirks, and dynamic registration. Mint id_tokens directly with <see cref="MintIdToken"/>.
/// <code>using var platform = EmulatedPlatform.StartCanvas();
/// var idToken = platform.MintIdToken(platform.ResourceLinkClaims(nonce, targetLinkUri));</code>
/// </summary>
public sealed partial class EmulatedPlatform : IDisposable
{
    private readonly TimeProvider _timeProvider;

    private EmulatedPlatform(PlatformFlavour flavour, bool issuerIsOrigin, TimeProvider? timeProvider)
    {
        Flavour = flavour;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        BaseUrl = Server.Urls[0].TrimEnd('/');
        Issuer = issuerIsOrigin ? BaseUrl : "https://canvas.instructure.com";
        ClientId = flavour == PlatformFlavour.Canvas ? "10000000000042" : "moodle-client-7Qx";
        DeploymentId = flavour == PlatformFlavour.Canvas ? "42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb" : "3";
        MapKeySet();
        MapAuthorization();
        MapToken();
        MapAgs();
        MapNrps();
        MapDynamicRegistration();
    }

    public PlatformFlavour Flavour { get; }

    public WireMockServer Server { get; }

    /// <summary>The emulator's origin, e.g. <c>http://127.0.0.1:51234</c>.</summary>
    public string BaseUrl { get; }

    public string Issuer { get; }

    public string ClientId { get; }

    public string DeploymentId { get; }

    public string Kid => Signer.Kid;

    /// <summary>The platform's signing key (sign hostile variants with <see cref="PlatformTokenSigner.Sign"/>).</summary>
    public PlatformTokenSigner Signer { get; } = new();

    public string CourseId => Flavour == PlatformFlavour.Canvas ? "course-101" : "2";

    public Uri AuthorizationEndpoint => new(BaseUrl + (Flavour == PlatformFlavour.Canvas ? "/api/lti/authorize_redirect" : "/mod/lti/auth.php"));

    public Uri JwksUri => new(BaseUrl + (Flavour == PlatformFlavour.Canvas ? "/api/lti/security/jwks" : "/mod/lti/certs.php"));

    public Uri TokenEndpoint => new(BaseUrl + (Flavour == PlatformFlavour.Canvas ? "/login/oauth2/token" : "/mod/lti/token.php"));

    /// <summary>The client assertion audience the token endpoint demands. Canvas: not the token URL.</summary>
    public string TokenAudience => Flavour == PlatformFlavour.Canvas ? BaseUrl + "/login/oauth2/token-audience" : TokenEndpoint.AbsoluteUri;

    public Uri LineItemsUrl => new(BaseUrl + (Flavour == PlatformFlavour.Canvas
        ? "/api/lti/courses/101/line_items"
        : "/mod/lti/services.php/2/lineitems?type_id=1"));

    public Uri MembershipsUrl => new(BaseUrl + (Flavour == PlatformFlavour.Canvas
        ? "/api/lti/courses/101/names_and_roles"
        : "/mod/lti/services.php/CourseSection/2/bindings/1/memberships"));

    /// <summary>The response headers the key set endpoint sends (default <c>Cache-Control: max-age=300</c>).</summary>
    public string KeySetCacheControl { get; set; } = "max-age=300";

    /// <summary>A Canvas-like platform. Its issuer is <c>https://canvas.instructure.com</c> (as for every Canvas
    /// Cloud institution) unless <paramref name="issuerIsOrigin"/> makes it the emulator's own origin (a
    /// self-hosted Canvas; needed where the issuer must match the host, as in dynamic registration).</summary>
    public static EmulatedPlatform StartCanvas(bool issuerIsOrigin = false, TimeProvider? timeProvider = null) =>
        new(PlatformFlavour.Canvas, issuerIsOrigin, timeProvider);

    /// <summary>A Moodle-like platform: its issuer is its own origin (the site's wwwroot).</summary>
    public static EmulatedPlatform StartMoodle(TimeProvider? timeProvider = null) =>
        new(PlatformFlavour.Moodle, issuerIsOrigin: true, timeProvider);

    /// <summary>A registration of this platform as the tool would store it.</summary>
    public PlatformRegistration Registration(string id = "reg-1", DeploymentPolicy policy = DeploymentPolicy.RecordAutomatically) => new()
    {
        Id = id,
        Issuer = Issuer,
        ClientId = ClientId,
        AuthorizationEndpoint = AuthorizationEndpoint,
        TokenEndpoint = TokenEndpoint,
        JwksUri = JwksUri,
        TokenAudience = Flavour == PlatformFlavour.Canvas ? TokenAudience : null,
        ProductFamily = Flavour == PlatformFlavour.Canvas ? ProductFamily.Canvas : ProductFamily.Moodle,
        DeploymentPolicy = policy,
    };

    /// <summary>The public key set this platform publishes.</summary>
    public string JwksJson() => Signer.JwksJson();

    /// <summary>Claims of a typical LtiResourceLinkRequest from this platform, for the given nonce.</summary>
    public JsonObject ResourceLinkClaims(string nonce, string targetLinkUri, string role = LtiConstants.Roles.Learner, string subject = "user-1")
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["azp"] = ClientId,
            ["sub"] = subject,
            ["iat"] = now,
            ["exp"] = now + (Flavour == PlatformFlavour.Moodle ? 60 : 3600),
            ["nonce"] = nonce,
            ["name"] = "Ada Lovelace",
            ["email"] = "ada@example.edu",
            [LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.ResourceLinkRequest,
            [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
            [LtiConstants.Claims.DeploymentId] = DeploymentId,
            [LtiConstants.Claims.TargetLinkUri] = targetLinkUri,
            [LtiConstants.Claims.ResourceLink] = new JsonObject { ["id"] = "rl-1", ["title"] = "Badges" },
            [LtiConstants.Claims.Context] = new JsonObject
            {
                ["id"] = CourseId,
                ["label"] = "BIO101",
                ["title"] = "Biology",
                ["type"] = new JsonArray("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"),
            },
            [LtiConstants.Claims.Roles] = new JsonArray(role),
            [LtiConstants.Claims.AgsEndpoint] = new JsonObject
            {
                ["scope"] = new JsonArray(LtiConstants.Scopes.LineItem, LtiConstants.Scopes.ResultReadOnly, LtiConstants.Scopes.Score),
                ["lineitems"] = LineItemsUrl.AbsoluteUri,
            },
            [LtiConstants.Claims.NamesRoleService] = new JsonObject
            {
                ["context_memberships_url"] = MembershipsUrl.AbsoluteUri,
                ["service_versions"] = new JsonArray("2.0"),
            },
            [LtiConstants.Claims.ToolPlatform] = new JsonObject
            {
                ["guid"] = "platform-guid",
                ["name"] = Flavour == PlatformFlavour.Canvas ? "Canvas" : "Moodle",
                ["product_family_code"] = Flavour == PlatformFlavour.Canvas ? "canvas" : "moodle",
            },
            [LtiConstants.Claims.LaunchPresentation] = new JsonObject { ["document_target"] = "iframe", ["locale"] = "en" },
            [LtiConstants.Claims.Custom] = new JsonObject { ["course_id"] = CourseId },
        };
        if (Flavour == PlatformFlavour.Canvas)
        {
            claims[LtiConstants.Claims.CanvasPlacement] = "course_navigation";
        }

        return claims;
    }

    /// <summary>Claims of an LtiDeepLinkingRequest from this platform.</summary>
    public JsonObject DeepLinkingClaims(string nonce, string targetLinkUri, string data = "opaque-data-7")
    {
        var claims = ResourceLinkClaims(nonce, targetLinkUri, LtiConstants.Roles.Instructor);
        claims.Remove(LtiConstants.Claims.ResourceLink);
        claims[LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingRequest;
        claims[LtiConstants.Claims.DeepLinkingSettings] = new JsonObject
        {
            ["deep_link_return_url"] = BaseUrl + "/deep_linking/return",
            ["accept_types"] = new JsonArray("ltiResourceLink", "link", "html"),
            ["accept_presentation_document_targets"] = new JsonArray("iframe", "window"),
            ["accept_multiple"] = true,
            ["accept_lineitem"] = true,
            ["data"] = data,
        };
        return claims;
    }

    /// <summary>Signs <paramref name="payload"/> RS256 with this platform's key and kid.</summary>
    public string MintIdToken(JsonObject payload) => Signer.MintIdToken(payload);

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        Signer.Dispose();
    }

    private void MapKeySet() =>
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(JwksUri.AbsolutePath).UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
                Json(200, JwksJson(), ("Cache-Control", KeySetCacheControl))));

    internal static ResponseMessage Json(int status, string body, params (string Name, string Value)[] headers) =>
        Text(status, body, "application/json", headers);

    internal static ResponseMessage Text(int status, string body, string contentType, params (string Name, string Value)[] headers)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", contentType);
        foreach (var (name, value) in headers)
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
