using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>
/// An emulated Moodle site inside the demo LMS, under <see cref="PathPrefix"/> (its wwwroot and LTI issuer is
/// <c>{origin}/moodle</c>), serving the same pilot course as Moodle course <see cref="CourseId"/>: the LTI 1.3
/// platform on Moodle's routes (<c>mod/lti/auth.php</c>, <c>certs.php</c>, <c>token.php</c>, <c>services.php</c>),
/// LTI Dynamic Registration (<c>openid-configuration.php</c>, <c>openid-registration.php</c>; new tools are
/// pending until the admin activates them), the REST web service (<c>webservice/rest/server.php</c>) and pages
/// (course, activity launch, gradebook, Manage tools, Manage tokens). It starts with no tool registered.
/// </summary>
internal sealed class DemoMoodle : IDisposable
{
    public const string PathPrefix = "/moodle";

    /// <summary>Moodle's id of the pilot course (its LTI context id).</summary>
    public const long CourseId = 2;

    /// <summary>The course module of the "Badges" external tool activity, and its LTI instance (the resource link id).</summary>
    public const long ToolCmid = 90;
    public const long ToolInstanceId = 1;

    /// <summary>The Moodle user the web service token belongs to.</summary>
    public const long ServiceUserId = 3;

    public const string Release = "4.5.2+ (Build: 20250221)";

    private readonly RSA rsa;
    private readonly ConcurrentDictionary<long, DemoMoodleTool> tools = new();
    private readonly ConcurrentDictionary<string, (long TypeId, IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt)> serviceTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long UserId, long Cmid, DateTimeOffset ExpiresAt)> launches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> usedRegistrationTokens = new(StringComparer.Ordinal);
    private long nextTypeId;

    public DemoMoodle(DemoLms lms)
    {
        ArgumentNullException.ThrowIfNull(lms);
        Lms = lms;
        rsa = RSA.Create(2048);
        SigningKey = new RsaSecurityKey(rsa) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)) };
        AssertionIds = new DemoTokens(lms.TimeProvider);
        WebServiceToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Data = new DemoMoodleCourse(lms.Course);
    }

    public DemoLms Lms { get; }

    public PilotCourse Course => Lms.Course;

    /// <summary>The course as Moodle numbers it (course modules, rubric, competency, grade ids).</summary>
    public DemoMoodleCourse Data { get; }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>Client assertion ids already used at the token endpoint.</summary>
    public DemoTokens AssertionIds { get; }

    /// <summary>The web service token of the service user (Site administration &gt; Server &gt; Web services &gt; Manage tokens).</summary>
    public string WebServiceToken { get; }

    /// <summary>Scores the tool posted, per line item (Moodle's gradebook columns of the tool).</summary>
    public DemoGradebook Gradebook { get; } = new();

    /// <summary>Which tool type created each line item (line item id to type id).</summary>
    public ConcurrentDictionary<long, long> LineItemOwners { get; } = new();

    /// <summary>The site's wwwroot and LTI issuer, e.g. <c>http://127.0.0.1:5001/moodle</c>.</summary>
    public string WwwRoot => Lms.Options.Origin.GetLeftPart(UriPartial.Authority) + PathPrefix;

    public Uri At(string path) => new(WwwRoot + path);

    public Uri OpenIdConfigurationUrl => At("/mod/lti/openid-configuration.php");

    public Uri RegistrationEndpoint => At("/mod/lti/openid-registration.php");

    public Uri AuthorizationEndpoint => At("/mod/lti/auth.php");

    public Uri TokenEndpoint => At("/mod/lti/token.php");

    public Uri JwksUri => At("/mod/lti/certs.php");

    public Uri CourseUrl => At("/course/view.php?id=" + CourseId);

    public Uri ManageToolsUrl => At("/mod/lti/toolconfigure.php");

    public Uri ManageTokensUrl => At("/admin/webservice/tokens.php");

    public Uri GradebookUrl => At("/grade/report/grader/index.php?id=" + CourseId);

    public Uri LineItemsUrl(long typeId) => At($"/mod/lti/services.php/{CourseId}/lineitems?type_id={typeId}");

    public Uri MembershipsUrl(long typeId) => At($"/mod/lti/services.php/CourseSection/{CourseId}/bindings/{typeId}/memberships");

    /// <summary>The tool's registration page as Moodle's admin would paste it ("Tool URL" of LTI Advantage).</summary>
    public Uri ToolRegistrationUrl => new(Lms.Options.ToolOrigin, "/lti/register");

    /// <summary>Every tool registered on the site, oldest first.</summary>
    public IReadOnlyList<DemoMoodleTool> Tools => [.. tools.Values.OrderBy(t => t.TypeId)];

    /// <summary>The tool the course's "Badges" activity uses: the latest registration (null before any).</summary>
    public DemoMoodleTool? CourseTool => Tools is { Count: > 0 } list ? list[^1] : null;

    public DemoMoodleTool? FindTool(long typeId) => tools.GetValueOrDefault(typeId);

    public DemoMoodleTool? FindToolByClientId(string clientId) => tools.Values.FirstOrDefault(t => t.ClientId == clientId);

    /// <summary>Marks a registration token (by its <c>sub</c>, the client id it grants) used; false when it was used before.</summary>
    public bool TryUseRegistrationToken(string sub) => usedRegistrationTokens.TryAdd(sub, true);

    public DemoMoodleTool AddTool(DemoMoodleTool tool)
    {
        var stored = tool with { TypeId = Interlocked.Increment(ref nextTypeId) };
        tools[stored.TypeId] = stored;
        return stored;
    }

    /// <summary>The admin activates a pending tool (Manage tools &gt; Activate).</summary>
    public bool Activate(long typeId)
    {
        if (!tools.TryGetValue(typeId, out var tool))
        {
            return false;
        }

        tools[typeId] = tool with { State = DemoMoodleTool.Configured };
        return true;
    }

    public string IssueServiceToken(long typeId, IReadOnlySet<string> scopes)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        serviceTokens[token] = (typeId, scopes, Lms.TimeProvider.GetUtcNow() + DemoTokens.Lifetime);
        return token;
    }

    /// <summary>True when <paramref name="authorization"/> is a live Bearer token of tool <paramref name="typeId"/> granting one of <paramref name="scopes"/>.</summary>
    public bool Allows(string? authorization, long typeId, params string[] scopes)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || !serviceTokens.TryGetValue(authorization[7..].Trim(), out var entry) || entry.ExpiresAt <= Lms.TimeProvider.GetUtcNow())
        {
            return false;
        }

        return entry.TypeId == typeId && scopes.Any(entry.Scopes.Contains) && FindTool(typeId) is { IsActive: true };
    }

    /// <summary>Remembers a launch the way Moodle keeps it in the session; the id travels in <c>lti_message_hint</c>.</summary>
    public string BeginLaunch(long userId, long cmid)
    {
        var id = "ltilaunch" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        launches[id] = (userId, cmid, Lms.TimeProvider.GetUtcNow().AddMinutes(10));
        return id;
    }

    public (long UserId, long Cmid)? FindLaunch(string launchId) =>
        launches.TryGetValue(launchId, out var entry) && entry.ExpiresAt > Lms.TimeProvider.GetUtcNow() ? (entry.UserId, entry.Cmid) : null;

    /// <summary>The site's public key set (<c>mod/lti/certs.php</c>).</summary>
    public string JwksJson()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId });
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["alg"] = "RS256", ["kid"] = jwk.Kid, ["e"] = jwk.E, ["n"] = jwk.N, ["use"] = "sig" }),
        }.ToJsonString();
    }

    public string Sign(string payloadJson) =>
        new JsonWebTokenHandler().CreateToken(payloadJson, new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256));

    /// <summary>Reads a tool's key set: the demo's own tool through <see cref="DemoLms.ToolKeySet"/>, any other from its URL.</summary>
    public Task<string> ToolKeySetAsync(DemoMoodleTool tool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return tool.JwksUri == Lms.Options.ToolJwksUri.AbsoluteUri
            ? Lms.ToolKeySet(cancellationToken)
            : Lms.Http.GetStringAsync(new Uri(tool.JwksUri), cancellationToken);
    }

    public static void Map(WebApplication app, DemoLms lms)
    {
        ArgumentNullException.ThrowIfNull(lms);
        DemoMoodleRegistration.Map(app, lms.Moodle);
        DemoMoodleLti.Map(app, lms.Moodle);
        DemoMoodleAgs.Map(app, lms.Moodle);
        DemoMoodleWebService.Map(app, lms.Moodle);
        DemoMoodlePages.Map(app, lms.Moodle);
    }

    public void Dispose() => rsa.Dispose();
}
