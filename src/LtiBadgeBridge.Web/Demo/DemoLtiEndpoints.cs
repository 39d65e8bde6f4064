using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>The LTI 1.3 platform side of the demo LMS, on Canvas's routes: key set, OIDC authorization,
/// token endpoint (client credentials with a JWT assertion; also Canvas OAuth2 for the REST API) and NRPS.
/// AGS lives in <see cref="DemoAgsEndpoints"/>.</summary>
internal static class DemoLtiEndpoints
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly string[] GrantableScopes =
    [
        LtiConstants.Scopes.LineItem,
        LtiConstants.Scopes.LineItemReadOnly,
        LtiConstants.Scopes.ResultReadOnly,
        LtiConstants.Scopes.Score,
        LtiConstants.Scopes.ContextMembershipReadOnly,
    ];

    public static void Map(WebApplication app, DemoLms lms)
    {
        app.MapGet("/api/lti/security/jwks", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "max-age=300";
            return Results.Text(lms.JwksJson(), "application/json");
        });
        app.MapMethods("/api/lti/authorize_redirect", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(http => AuthorizeAsync(http, lms)));
        app.MapPost("/login/oauth2/token", (Func<HttpContext, Task<IResult>>)(http => TokenAsync(http, lms)));
        app.MapGet($"/api/lti/courses/{{courseId}}/names_and_roles", (HttpContext http, string courseId) => Memberships(http, lms, courseId));
        DemoAgsEndpoints.Map(app, lms);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, DemoLms lms)
    {
        var parameters = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync(http.RequestAborted)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal)
            : http.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        string Get(string name) => parameters.GetValueOrDefault(name) ?? "";

        var options = lms.Options;
        var problem =
            Get("response_type") != "id_token" ? "response_type must be id_token"
            : Get("response_mode") != "form_post" ? "response_mode must be form_post"
            : !Get("scope").Split(' ').Contains("openid", StringComparer.Ordinal) ? "scope must include openid"
            : Get("prompt") != "none" ? "prompt must be none"
            : Get("client_id") != options.ClientId ? "unknown client_id"
            : Get("redirect_uri") != options.ToolLaunchUri.AbsoluteUri ? "redirect_uri is not the launch URL registered on the developer key"
            : Get("nonce").Length == 0 ? "nonce missing"
            : Get("login_hint").Length == 0 ? "login_hint missing"
            : null;
        if (problem is not null)
        {
            return DemoPages.ErrorPage(400, "invalid_request", problem);
        }

        if (!lms.DeveloperKeys.LaunchesAllowed)
        {
            return DemoPages.ErrorPage(400, "invalid_client", "The tool's developer key is not registered or is OFF: an admin registers it and turns it ON under Admin > Developer Keys.");
        }

        var hinted = await DemoLaunch.ReadMessageHintAsync(lms, Get("lti_message_hint"));
        var person = lms.Course.FindBySubject(Get("login_hint"));
        if (person is null || hinted != person.UserId)
        {
            return DemoPages.ErrorPage(400, "login_required", "The login hint does not name the user of this launch; start the launch again from the course.");
        }

        var claims = await DemoDeepLinking.ClaimsForHintAsync(lms, person, Get("nonce"), Get("lti_message_hint")) ?? DemoLaunch.ResourceLinkClaims(lms, person, Get("nonce"));
        var idToken = lms.Sign(claims.ToJsonString());
        var fields = new List<KeyValuePair<string, string>> { new("id_token", idToken), new("state", Get("state")) };
        if (parameters.TryGetValue("lti_storage_target", out var target) && target.Length > 0)
        {
            fields.Add(new("lti_storage_target", target));
        }

        return Results.Content(AutoPostForm.Render(options.ToolLaunchUri, fields), "text/html; charset=utf-8");
    }

    private static async Task<IResult> TokenAsync(HttpContext http, DemoLms lms)
    {
        if (!http.Request.HasFormContentType)
        {
            return OAuthError(400, "invalid_request", "The token request must be form-encoded.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string Get(string name) => form[name].ToString();
        return Get("grant_type") switch
        {
            "client_credentials" => await ClientCredentialsAsync(lms, Get("client_assertion_type"), Get("client_assertion"), Get("scope"), http.RequestAborted),
            "authorization_code" or "refresh_token" => DemoCanvasEndpoints.OAuthToken(lms, form),
            _ => OAuthError(400, "unsupported_grant_type", "grant_type must be client_credentials, authorization_code or refresh_token."),
        };
    }

    private static async Task<IResult> ClientCredentialsAsync(DemoLms lms, string assertionType, string assertion, string scope, CancellationToken cancellationToken)
    {
        if (assertionType != JwtBearer || assertion.Length == 0)
        {
            return OAuthError(400, "invalid_request", "client_assertion_type must be jwt-bearer with a client_assertion.");
        }

        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(await lms.ToolKeySet(cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException or TaskCanceledException or JsonException)
        {
            return OAuthError(400, "invalid_client", "The tool's public key set could not be read from its JWKS URL.");
        }

        var options = lms.Options;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = options.ClientId,
            ValidAudience = options.TokenEndpoint.AbsoluteUri,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
            RequireExpirationTime = true,
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > lms.TimeProvider.GetUtcNow().UtcDateTime
                && e < lms.TimeProvider.GetUtcNow().UtcDateTime.AddHours(1),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || jwt.Subject != options.ClientId || string.IsNullOrEmpty(jwt.Id)
            || !lms.Tokens.TryUseAssertionId(jwt.Id, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero))
            || !lms.DeveloperKeys.LaunchesAllowed)
        {
            return OAuthError(400, "invalid_client", "The client assertion is not valid for this developer key.");
        }

        var requested = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = requested.Where(s => GrantableScopes.Contains(s, StringComparer.Ordinal) && lms.DeveloperKeys.Grants(s)).ToHashSet(StringComparer.Ordinal);
        if (granted.Count == 0)
        {
            return OAuthError(400, "invalid_scope", "None of the requested scopes is enabled on this developer key.");
        }

        return Results.Json(new JsonObject
        {
            ["access_token"] = lms.Tokens.IssueServiceToken(granted),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)DemoTokens.Lifetime.TotalSeconds,
            ["scope"] = string.Join(' ', granted),
        });
    }

    private static IResult Memberships(HttpContext http, DemoLms lms, string courseId)
    {
        if (!lms.Tokens.AllowsService(http.Request.Headers.Authorization, LtiConstants.Scopes.ContextMembershipReadOnly))
        {
            return Unauthorized(http);
        }

        if (courseId != PilotCourse.CourseId.ToString(CultureInfo.InvariantCulture))
        {
            return Results.Json(new { errors = new[] { new { message = "The specified resource does not exist." } } }, statusCode: 404);
        }

        var course = lms.Course;
        var role = http.Request.Query["role"].ToString();
        var members = course.Learners.Select(p => (Person: p, Roles: DemoLaunch.RolesOf(course, p)))
            .Prepend((Person: course.Instructor, Roles: DemoLaunch.RolesOf(course, course.Instructor)))
            .Where(m => role.Length == 0 || m.Roles.Any(r => r == role || r.EndsWith("#" + role, StringComparison.Ordinal)))
            .ToList();
        var limit = Math.Clamp(ReadInt(http.Request.Query["limit"], 10), 1, 50);
        var page = Math.Max(1, ReadInt(http.Request.Query["page"], 1));
        var slice = members.Skip((page - 1) * limit).Take(limit).Select(m => Member(m.Person, m.Roles)).ToList();
        var body = new JsonObject
        {
            ["id"] = DemoPaging.RequestUrl(http, lms),
            ["context"] = new JsonObject { ["id"] = course.ContextId, ["label"] = course.CourseCode, ["title"] = course.Name },
            ["members"] = new JsonArray([.. slice]),
        };
        DemoPaging.AddLinkHeader(http, lms, page, limit, members.Count, "limit");
        return Results.Text(body.ToJsonString(), LtiConstants.MediaTypes.MembershipContainer);
    }

    private static JsonNode Member(PilotPerson person, IReadOnlyList<string> roles) => new JsonObject
    {
        ["status"] = person.EnrollmentState == "active" ? "Active" : "Inactive",
        ["name"] = person.Name,
        ["picture"] = null,
        ["given_name"] = person.GivenName,
        ["family_name"] = person.FamilyName,
        ["email"] = person.Email,
        ["user_id"] = person.Subject,
        ["lti11_legacy_user_id"] = PilotCourseBuilder.OpaqueId(person.Subject),
        ["lis_person_sourcedid"] = "SIS-" + person.UserId.ToString(CultureInfo.InvariantCulture),
        ["roles"] = new JsonArray([.. roles.Where(r => r.StartsWith(LtiConstants.Roles.MembershipPrefix, StringComparison.Ordinal) || r.StartsWith(LtiConstants.Roles.MembershipSubRolePrefix, StringComparison.Ordinal)).Select(r => (JsonNode)r)]),
    };

    internal static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"canvas-lms\"";
        return Results.Json(new { errors = new[] { new { message = "Invalid access token." } } }, statusCode: 401);
    }

    internal static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    internal static int ReadInt(Microsoft.Extensions.Primitives.StringValues value, int fallback) =>
        int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
