using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>The id_token Moodle sends for a launch of the course's "Badges" activity.</summary>
internal static class DemoMoodleClaims
{
    /// <summary>Moodle's roles for a person: the course role, plus the site administrator's system and institution roles.</summary>
    public static IReadOnlyList<string> RolesOf(DemoMoodle moodle, PilotPerson person)
    {
        ArgumentNullException.ThrowIfNull(moodle);
        ArgumentNullException.ThrowIfNull(person);
        var course = moodle.Course;
        if (person.UserId == course.Admin.UserId)
        {
            return [LtiConstants.Roles.SystemAdministrator, LtiConstants.Roles.InstitutionAdministrator, LtiConstants.Roles.Instructor];
        }

        return person.UserId == course.Instructor.UserId ? [LtiConstants.Roles.Instructor] : [LtiConstants.Roles.Learner];
    }

    public static JsonObject ResourceLink(DemoMoodle moodle, DemoMoodleTool tool, PilotPerson person, string nonce)
    {
        ArgumentNullException.ThrowIfNull(moodle);
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(person);
        var course = moodle.Course;
        var now = moodle.Lms.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var courseId = DemoMoodle.CourseId.ToString(CultureInfo.InvariantCulture);
        var claims = new JsonObject
        {
            ["nonce"] = nonce,
            ["iat"] = now,
            ["exp"] = now + 60,
            ["iss"] = moodle.WwwRoot,
            ["aud"] = tool.ClientId,
            ["sub"] = person.UserId.ToString(CultureInfo.InvariantCulture),
            [LtiConstants.Claims.DeploymentId] = tool.DeploymentId,
            [LtiConstants.Claims.TargetLinkUri] = tool.TargetLinkUri,
            [LtiConstants.Claims.LaunchPresentation] = new JsonObject
            {
                ["locale"] = "en",
                ["document_target"] = "iframe",
                ["return_url"] = moodle.At($"/mod/lti/return.php?course={courseId}&launch_container=3&instanceid={DemoMoodle.ToolInstanceId}").AbsoluteUri,
            },
            [LtiConstants.Claims.Lis] = new JsonObject
            {
                ["person_sourcedid"] = "",
                ["course_section_sourcedid"] = "",
            },
            [LtiConstants.Claims.ToolPlatform] = new JsonObject
            {
                ["product_family_code"] = LtiConstants.DynamicRegistration.ProductFamilyMoodle,
                ["version"] = "2024100702.05",
                ["guid"] = moodle.Lms.Options.Origin.Host,
                ["name"] = "Demo Moodle",
                ["description"] = "Demo Moodle",
            },
            [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
            [LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.ResourceLinkRequest,
            [LtiConstants.Claims.ResourceLink] = new JsonObject
            {
                ["title"] = "Badges",
                ["description"] = "",
                ["id"] = DemoMoodle.ToolInstanceId.ToString(CultureInfo.InvariantCulture),
            },
            [LtiConstants.Claims.Context] = new JsonObject
            {
                ["id"] = courseId,
                ["label"] = course.CourseCode,
                ["title"] = course.Name,
                ["type"] = new JsonArray("CourseSection"),
            },
            ["given_name"] = person.GivenName,
            ["family_name"] = person.FamilyName,
            ["name"] = person.Name,
            ["https://purl.imsglobal.org/spec/lti/claim/ext"] = new JsonObject
            {
                ["user_username"] = person.Email.Split('@')[0],
                ["lms"] = "moodle-2",
            },
            ["email"] = person.Email,
            [LtiConstants.Claims.Roles] = new JsonArray([.. RolesOf(moodle, person).Select(r => (JsonNode)r)]),
            [LtiConstants.Claims.Custom] = new JsonObject(),
        };
        var agsScopes = DemoMoodleRegistration.ServiceScopes.Where(s => s.Contains("/lti-ags/", StringComparison.Ordinal) && tool.Scopes.Contains(s)).ToList();
        if (agsScopes.Count > 0)
        {
            claims[LtiConstants.Claims.AgsEndpoint] = new JsonObject
            {
                ["scope"] = new JsonArray([.. agsScopes.Select(s => (JsonNode)s)]),
                ["lineitems"] = moodle.LineItemsUrl(tool.TypeId).AbsoluteUri,
            };
        }

        if (tool.Scopes.Contains(LtiConstants.Scopes.ContextMembershipReadOnly))
        {
            claims[LtiConstants.Claims.NamesRoleService] = new JsonObject
            {
                ["context_memberships_url"] = moodle.MembershipsUrl(tool.TypeId).AbsoluteUri,
                ["service_versions"] = new JsonArray("1.0", "2.0"),
            };
        }

        return claims;
    }
}
