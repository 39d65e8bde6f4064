using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>The Canvas developer key JSON configuration (paste it, or give its URL, under
/// Admin > Developer Keys > + LTI Key > Method: Paste JSON / Enter URL).</summary>
internal static class CanvasConfiguration
{
    public static JsonObject Build(LtiUrls urls, LtiWebOptions options, HttpContext? context)
    {
        var launch = urls.LaunchFor(context).AbsoluteUri;
        JsonObject Placement(string placement, string messageType) => new()
        {
            ["placement"] = placement,
            ["message_type"] = messageType,
            ["target_link_uri"] = launch,
            ["text"] = options.ToolName,
        };

        return new JsonObject
        {
            ["title"] = options.ToolName,
            ["description"] = "Issues Open Badges 3.0 credentials for what learners achieve in the course.",
            ["oidc_initiation_url"] = urls.Login(context).AbsoluteUri,
            ["target_link_uri"] = launch,
            ["public_jwk_url"] = urls.Jwks(context).AbsoluteUri,
            ["scopes"] = new JsonArray(
                LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly,
                LtiConstants.Scopes.Score, LtiConstants.Scopes.ContextMembershipReadOnly),
            ["extensions"] = new JsonArray(new JsonObject
            {
                ["domain"] = urls.Base(context).Authority,
                ["tool_id"] = "ltibadgebridge",
                ["platform"] = "canvas.instructure.com",
                ["privacy_level"] = "public",
                ["settings"] = new JsonObject
                {
                    ["text"] = options.ToolName,
                    ["placements"] = new JsonArray(
                        Placement(LtiConstants.Canvas.PlacementCourseNavigation, LtiConstants.MessageTypes.ResourceLinkRequest),
                        Placement(LtiConstants.Canvas.PlacementLinkSelection, LtiConstants.MessageTypes.DeepLinkingRequest),
                        Placement(LtiConstants.Canvas.PlacementAssignmentSelection, LtiConstants.MessageTypes.DeepLinkingRequest)),
                },
            }),
            ["custom_fields"] = new JsonObject
            {
                ["canvas_course_id"] = "$Canvas.course.id",
                ["canvas_user_id"] = "$Canvas.user.id",
            },
        };
    }
}
