using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>The LTI 1.3 platform side of the emulated Moodle on Moodle's routes: <c>mod/lti/certs.php</c>,
/// <c>mod/lti/launch.php</c> (third-party-initiated login), <c>mod/lti/auth.php</c>, <c>mod/lti/token.php</c>
/// and the Names and Role Provisioning service under <c>mod/lti/services.php</c>.</summary>
internal static class DemoMoodleLti
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static void Map(WebApplication app, DemoMoodle moodle)
    {
        var lti = DemoMoodle.PathPrefix + "/mod/lti";
        app.MapGet(lti + "/certs.php", () => Results.Text(moodle.JwksJson(), "application/json; charset=utf-8"));
        app.MapGet(lti + "/launch.php", (HttpContext http) => Launch(moodle, http.Request.Query["id"].ToString(), http.Request.Query["as"].ToString()));
        app.MapMethods(lti + "/auth.php", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(http => AuthorizeAsync(http, moodle)));
        app.MapPost(lti + "/token.php", (Func<HttpContext, Task<IResult>>)(http => TokenAsync(http, moodle)));
        app.MapGet(lti + "/services.php/CourseSection/{courseId:long}/bindings/{typeId:long}/memberships", (HttpContext http, long courseId, long typeId) => Memberships(http, moodle, courseId, typeId));
    }

    /// <summary>What Moodle says when the activity's tool is not usable (none registered, or still pending).</summary>
    public static IResult? Refusal(DemoMoodleTool? tool) => tool switch
    {
        null => DemoMoodlePages.Notice(404, "No external tool", "No LTI tool is set up on this site yet. Ask the site administrator to register one."),
        { IsActive: false } => DemoMoodlePages.Notice(403, "Tool pending", "This tool is pending: the site administrator has not activated it yet (Site administration > Plugins > Activity modules > External tool > Manage tools)."),
        _ => null,
    };

    /// <summary>The login initiation Moodle's <c>launch.php</c> auto-posts to the tool for <paramref name="userId"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> LoginInitiation(DemoMoodle moodle, DemoMoodleTool tool, long userId)
    {
        var hint = new JsonObject { ["cmid"] = DemoMoodle.ToolCmid, ["launchid"] = moodle.BeginLaunch(userId, DemoMoodle.ToolCmid) };
        return
        [
            new("iss", moodle.WwwRoot),
            new("target_link_uri", tool.TargetLinkUri),
            new("login_hint", userId.ToString(CultureInfo.InvariantCulture)),
            new("lti_message_hint", hint.ToJsonString()),
            new("client_id", tool.ClientId),
            new("lti_deployment_id", tool.DeploymentId),
        ];
    }

    private static IResult Launch(DemoMoodle moodle, string cmid, string who)
    {
        if (cmid != DemoMoodle.ToolCmid.ToString(CultureInfo.InvariantCulture))
        {
            return DemoMoodlePages.Notice(404, "Invalid course module ID", "There is no such activity in this course.");
        }

        if (Refusal(moodle.CourseTool) is { } refusal)
        {
            return refusal;
        }

        return DemoMoodlePages.Person(moodle, who) is { } person && (moodle.Data.IsEnrolled(person.UserId) || person.UserId == moodle.Course.Admin.UserId)
            ? Results.Content(AutoPostForm.Render(new Uri(moodle.CourseTool!.InitiateLoginUri), LoginInitiation(moodle, moodle.CourseTool, person.UserId)), "text/html; charset=utf-8")
            : DemoMoodlePages.Notice(404, "Unknown user", "There is no such person in the course.");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, DemoMoodle moodle)
    {
        var parameters = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync(http.RequestAborted)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal)
            : http.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        string Get(string name) => parameters.GetValueOrDefault(name) ?? "";

        var tool = moodle.FindToolByClientId(Get("client_id"));
        var problem =
            Get("scope") != "openid" ? ("invalid_scope", "scope must be openid")
            : Get("response_type") != "id_token" ? ("unsupported_response_type", "response_type must be id_token")
            : tool is null ? ("unauthorized_client", "Unknown client_id")
            : !tool.IsActive ? ("unauthorized_client", "The tool is pending activation by the site administrator")
            : !tool.RedirectUris.Contains(Get("redirect_uri"), StringComparer.Ordinal) ? ("invalid_request", "Unregistered redirect_uri")
            : Get("response_mode") != "form_post" ? ("invalid_request", "Invalid response_mode")
            : Get("prompt") != "none" ? ("invalid_request", "Invalid prompt")
            : Get("nonce").Length == 0 ? ("invalid_request", "Missing nonce")
            : ((string, string)?)null;
        if (problem is { } p)
        {
            return DemoMoodlePages.Notice(400, p.Item1, p.Item2);
        }

        var launch = ReadHint(moodle, Get("lti_message_hint"));
        if (launch is null || Get("login_hint") != launch.Value.UserId.ToString(CultureInfo.InvariantCulture)
            || moodle.Course.FindByUserId(launch.Value.UserId) is not { } person)
        {
            return DemoMoodlePages.Notice(400, "login_required", "The login hint does not match the logged in user; start the launch again from the course.");
        }

        var idToken = moodle.Sign(DemoMoodleClaims.ResourceLink(moodle, tool!, person, Get("nonce")).ToJsonString());
        return Results.Content(AutoPostForm.Render(new Uri(Get("redirect_uri")), [new("id_token", idToken), new("state", Get("state"))]), "text/html; charset=utf-8");
    }

    private static (long UserId, long Cmid)? ReadHint(DemoMoodle moodle, string hint)
    {
        try
        {
            return JsonNode.Parse(hint) is JsonObject o && o["launchid"] is JsonValue v && v.TryGetValue<string>(out var id) ? moodle.FindLaunch(id) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<IResult> TokenAsync(HttpContext http, DemoMoodle moodle)
    {
        if (!http.Request.HasFormContentType)
        {
            return OAuthError("invalid_request");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"].ToString() != "client_credentials")
        {
            return OAuthError("unsupported_grant_type");
        }

        if (form["client_assertion_type"].ToString() != JwtBearer || form["client_assertion"].ToString() is not { Length: > 0 } assertion)
        {
            return OAuthError("invalid_request");
        }

        // Moodle finds the tool by the assertion's sub, then checks the signature with the tool's key set.
        var unverified = new JsonWebTokenHandler().CanReadToken(assertion) ? new JsonWebToken(assertion) : null;
        if (unverified is null || moodle.FindToolByClientId(unverified.Subject) is not { IsActive: true } tool)
        {
            return OAuthError("invalid_client");
        }

        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(await moodle.ToolKeySetAsync(tool, http.RequestAborted));
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException or TaskCanceledException or JsonException)
        {
            return OAuthError("invalid_client");
        }

        var now = moodle.Lms.TimeProvider.GetUtcNow().UtcDateTime;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = tool.ClientId,
            ValidAudience = moodle.TokenEndpoint.AbsoluteUri,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > now && e < now.AddHours(1),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || string.IsNullOrEmpty(jwt.Id)
            || !moodle.AssertionIds.TryUseAssertionId(jwt.Id, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero)))
        {
            return OAuthError("invalid_client");
        }

        var granted = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(tool.Scopes.Contains).ToHashSet(StringComparer.Ordinal);
        if (granted.Count == 0)
        {
            return OAuthError("invalid_scope");
        }

        return Results.Json(new JsonObject
        {
            ["access_token"] = moodle.IssueServiceToken(tool.TypeId, granted),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)DemoTokens.Lifetime.TotalSeconds,
            ["scope"] = string.Join(' ', granted),
        });
    }

    private static IResult Memberships(HttpContext http, DemoMoodle moodle, long courseId, long typeId)
    {
        if (!moodle.Allows(http.Request.Headers.Authorization, typeId, LtiConstants.Scopes.ContextMembershipReadOnly))
        {
            return Results.Text("Unauthorized", "text/plain", statusCode: 401);
        }

        if (courseId != DemoMoodle.CourseId)
        {
            return Results.Text("Not Found", "text/plain", statusCode: 404);
        }

        var course = moodle.Course;
        var role = http.Request.Query["role"].ToString();
        var members = course.Learners.Select(p => (Person: p, Role: LtiConstants.Roles.Learner))
            .Prepend((Person: course.Instructor, Role: LtiConstants.Roles.Instructor))
            .Where(m => role.Length == 0 || m.Role == role || m.Role.EndsWith("#" + role, StringComparison.Ordinal))
            .ToList();
        var limit = Math.Max(0, DemoLtiEndpoints.ReadInt(http.Request.Query["limit"], 0));
        var from = Math.Max(0, DemoLtiEndpoints.ReadInt(http.Request.Query["from"], 0));
        var slice = limit == 0 ? members.Skip(from).ToList() : members.Skip(from).Take(limit).ToList();
        var self = moodle.MembershipsUrl(typeId).AbsoluteUri;
        if (limit > 0 && from + limit < members.Count)
        {
            var next = self + "?limit=" + limit.ToString(CultureInfo.InvariantCulture) + "&from=" + (from + limit).ToString(CultureInfo.InvariantCulture)
                + (role.Length > 0 ? "&role=" + Uri.EscapeDataString(role) : "");
            http.Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
        }

        var body = new JsonObject
        {
            ["id"] = self,
            ["context"] = new JsonObject { ["id"] = DemoMoodle.CourseId.ToString(CultureInfo.InvariantCulture), ["label"] = course.CourseCode, ["title"] = course.Name },
            ["members"] = new JsonArray([.. slice.Select(m => (JsonNode)new JsonObject
            {
                ["status"] = m.Person.EnrollmentState == "active" ? "Active" : "Inactive",
                ["roles"] = new JsonArray(m.Role),
                ["user_id"] = m.Person.UserId.ToString(CultureInfo.InvariantCulture),
                ["name"] = m.Person.Name,
                ["given_name"] = m.Person.GivenName,
                ["family_name"] = m.Person.FamilyName,
                ["email"] = m.Person.Email,
            })]),
        };
        return Results.Text(body.ToJsonString(), LtiConstants.MediaTypes.MembershipContainer);
    }

    private static IResult OAuthError(string error) => Results.Json(new { error }, statusCode: 400);
}
