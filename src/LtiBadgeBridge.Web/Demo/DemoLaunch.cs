using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>Who launches the tool from the demo course, and the messages Canvas would send for them.</summary>
internal static class DemoLaunch
{
    public const string ResourceLinkId = "a8ad4e3c0f0b6ac3e7e9a4d5b1c2d3e4f5a6b7c8";
    internal const string MessageHintAudience = "demo-lms-message-hint";

    /// <summary>Fields of the third-party-initiated login Canvas posts to the tool's login URL.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> LoginInitiation(DemoLms lms, PilotPerson person)
    {
        var options = lms.Options;
        return
        [
            new("iss", options.Issuer),
            new("login_hint", person.Subject),
            new("client_id", options.ClientId),
            new("lti_deployment_id", options.DeploymentId),
            new("target_link_uri", options.ToolLaunchUri.AbsoluteUri),
            new("lti_message_hint", MessageHint(lms, person)),
            new("canvas_environment", "prod"),
            new("canvas_region", "not_configured"),
            new("lti_storage_target", "_parent"),
        ];
    }

    /// <summary>A short-lived signed hint naming the user and course (Canvas signs its hint the same way).</summary>
    public static string MessageHint(DemoLms lms, PilotPerson person)
    {
        var now = lms.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = lms.Options.Issuer,
            ["aud"] = MessageHintAudience,
            ["iat"] = now,
            ["exp"] = now + 600,
            ["canvas_user_id"] = person.UserId,
            ["context_id"] = PilotCourse.CourseId,
            ["placement"] = LtiConstants.Canvas.PlacementCourseNavigation,
        };
        return lms.Sign(payload.ToJsonString());
    }

    /// <summary>The Canvas user id a hint names, or null when it is not a live hint of this LMS.</summary>
    public static async Task<long?> ReadMessageHintAsync(DemoLms lms, string? hint)
    {
        if (string.IsNullOrEmpty(hint))
        {
            return null;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(hint, new TokenValidationParameters
        {
            ValidIssuer = lms.Options.Issuer,
            ValidAudience = MessageHintAudience,
            IssuerSigningKey = lms.SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && e > lms.TimeProvider.GetUtcNow().UtcDateTime,
        });
        return result.IsValid && result.Claims.TryGetValue("canvas_user_id", out var id)
            && long.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? userId
            : null;
    }

    /// <summary>The roles Canvas sends for a person in the course.</summary>
    public static IReadOnlyList<string> RolesOf(PilotCourse course, PilotPerson person)
    {
        if (person.UserId == course.Instructor.UserId)
        {
            return [LtiConstants.Roles.InstitutionInstructor, LtiConstants.Roles.Instructor, LtiConstants.Roles.SystemPrefix + "User"];
        }

        if (person.UserId == course.Admin.UserId)
        {
            return [LtiConstants.Roles.InstitutionAdministrator, LtiConstants.Roles.SystemAdministrator, LtiConstants.Roles.Administrator, LtiConstants.Roles.SystemPrefix + "User"];
        }

        return [LtiConstants.Roles.InstitutionStudent, LtiConstants.Roles.Learner, LtiConstants.Roles.SystemPrefix + "User"];
    }

    /// <summary>The id_token claims of an LtiResourceLinkRequest from the course navigation placement.</summary>
    public static JsonObject ResourceLinkClaims(DemoLms lms, PilotPerson person, string nonce)
    {
        var options = lms.Options;
        var course = lms.Course;
        var now = lms.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var isLearner = course.Learners.Contains(person);
        var claims = new JsonObject
        {
            ["iss"] = options.Issuer,
            ["aud"] = options.ClientId,
            ["azp"] = options.ClientId,
            ["sub"] = person.Subject,
            ["iat"] = now,
            ["exp"] = now + 3600,
            ["nonce"] = nonce,
            ["name"] = person.Name,
            ["given_name"] = person.GivenName,
            ["family_name"] = person.FamilyName,
            ["email"] = person.Email,
            ["locale"] = "en",
            [LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.ResourceLinkRequest,
            [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
            [LtiConstants.Claims.DeploymentId] = options.DeploymentId,
            [LtiConstants.Claims.TargetLinkUri] = options.ToolLaunchUri.AbsoluteUri,
            [LtiConstants.Claims.ResourceLink] = new JsonObject { ["id"] = ResourceLinkId, ["title"] = "Badges", ["description"] = null },
            [LtiConstants.Claims.Context] = new JsonObject
            {
                ["id"] = course.ContextId,
                ["label"] = course.CourseCode,
                ["title"] = course.Name,
                ["type"] = new JsonArray("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"),
            },
            [LtiConstants.Claims.Roles] = new JsonArray([.. RolesOf(course, person).Select(r => (JsonNode)r)]),
            [LtiConstants.Claims.ToolPlatform] = new JsonObject
            {
                ["guid"] = "demo-lms:" + options.Issuer,
                ["name"] = "Demo LMS",
                ["version"] = "cloud",
                ["product_family_code"] = "canvas",
            },
            [LtiConstants.Claims.LaunchPresentation] = new JsonObject
            {
                ["document_target"] = "iframe",
                ["return_url"] = options.At($"/courses/{PilotCourse.CourseId}/external_content/success/external_tool_redirect").AbsoluteUri,
                ["locale"] = "en",
                ["height"] = 600,
                ["width"] = 800,
            },
            [LtiConstants.Claims.Lis] = new JsonObject
            {
                ["person_sourcedid"] = "SIS-" + person.UserId.ToString(CultureInfo.InvariantCulture),
                ["course_offering_sourcedid"] = "SIS-CC-2026W",
            },
            [LtiConstants.Claims.AgsEndpoint] = new JsonObject
            {
                ["scope"] = new JsonArray(
                    LtiConstants.Scopes.LineItem,
                    LtiConstants.Scopes.LineItemReadOnly,
                    LtiConstants.Scopes.ResultReadOnly,
                    LtiConstants.Scopes.Score),
                ["lineitems"] = options.LineItemsUrl.AbsoluteUri,
                ["validation_context"] = null,
                ["errors"] = new JsonObject { ["errors"] = new JsonObject() },
            },
            [LtiConstants.Claims.NamesRoleService] = new JsonObject
            {
                ["context_memberships_url"] = options.MembershipsUrl.AbsoluteUri,
                ["service_versions"] = new JsonArray("2.0"),
                ["validation_context"] = null,
                ["errors"] = new JsonObject { ["errors"] = new JsonObject() },
            },
            [LtiConstants.Claims.Custom] = new JsonObject
            {
                ["canvas_course_id"] = PilotCourse.CourseId.ToString(CultureInfo.InvariantCulture),
                ["canvas_user_id"] = person.UserId.ToString(CultureInfo.InvariantCulture),
                ["canvas_user_login_id"] = person.Email,
                ["canvas_api_domain"] = options.Origin.Authority,
                ["canvas_course_workflow_state"] = "available",
            },
            [LtiConstants.Claims.Lti11LegacyUserId] = PilotCourseBuilder.OpaqueId(person.Subject),
            [LtiConstants.Claims.Lti1p1] = new JsonObject { ["user_id"] = PilotCourseBuilder.OpaqueId(person.Subject) },
            [LtiConstants.Claims.CanvasPlacement] = LtiConstants.Canvas.PlacementCourseNavigation,
        };
        if (isLearner)
        {
            claims["picture"] = options.At("/images/messages/avatar-50.png").AbsoluteUri;
        }

        return claims;
    }
}
