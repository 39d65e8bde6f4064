using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>
/// Deep Linking on the demo LMS's side, as Canvas does it from a course's Modules page: "+ Add item &gt; External tool"
/// launches the tool with an <c>LtiDeepLinkingRequest</c> (link selection placement) whose return URL is this LMS;
/// the signed response (<see cref="DemoDeepLinkingResponse"/>) becomes module items, each of which then launches the
/// tool as an <c>LtiResourceLinkRequest</c> with the item's custom parameters and, when the tool asked for one, its
/// gradebook column as the AGS line item.
/// </summary>
internal static class DemoDeepLinking
{
    private const string PlacementClaim = "placement";
    private const string DataClaim = "deep_link_data";
    private const string ModuleItemClaim = "module_item_id";

    private static readonly string Course = PilotCourse.CourseId.ToString(CultureInfo.InvariantCulture);

    public static string ModulesPath => $"/courses/{Course}/modules";

    public static string ReturnPath => $"/courses/{Course}/deep_linking_response";

    public static void Map(WebApplication app, DemoLms lms)
    {
        app.MapGet(ModulesPath, (HttpContext http) => Modules(lms, http.Request.Query["as"].ToString()));
        app.MapGet(ModulesPath + "/external_tool", (HttpContext http) => AddItemFrame(lms, http.Request.Query["as"].ToString()));
        app.MapGet(ModulesPath + "/external_tool/launch", (HttpContext http) => AddItemLogin(lms, http.Request.Query["as"].ToString()));
        app.MapGet(ModulesPath + "/items/{id:long}", (HttpContext http, long id) => ItemFrame(lms, id, http.Request.Query["as"].ToString()));
        app.MapGet(ModulesPath + "/items/{id:long}/launch", (HttpContext http, long id) => ItemLogin(lms, id, http.Request.Query["as"].ToString()));
        app.MapPost(ReturnPath, (Func<HttpContext, Task<IResult>>)(http => DemoDeepLinkingResponse.ReceiveAsync(http, lms))).DisableAntiforgery();
    }

    /// <summary>A link to the course's modules on the LMS's home page.</summary>
    public static string HomeCard(DemoLms lms) =>
        $"<div class=\"card\"><h2>Modules</h2><p><a class=\"button\" href=\"{ModulesHref(lms.Course.Instructor.UserId)}\">Open Modules as the instructor</a> to add a badge card with \"+ Add item &gt; External tool\" (LTI Deep Linking); learners open the cards from <a href=\"{ModulesHref(lms.Course.Learners[0].UserId)}\">the same page</a>.</p></div>";

    public static string ModulesHref(long userId) => $"{ModulesPath}?as={userId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The id_token claims of a launch started from this class's pages (named by the message hint), or null for any other launch.</summary>
    public static async Task<JsonObject?> ClaimsForHintAsync(DemoLms lms, PilotPerson person, string nonce, string? hint)
    {
        if (string.IsNullOrEmpty(hint))
        {
            return null;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(hint, new TokenValidationParameters
        {
            ValidIssuer = lms.Options.Issuer,
            ValidAudience = DemoLaunch.MessageHintAudience,
            IssuerSigningKey = lms.SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > lms.TimeProvider.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return null;
        }

        if (token.TryGetPayloadValue<string>(DataClaim, out var data) && IsInstructor(lms, person))
        {
            return DeepLinkingClaims(lms, person, nonce, data);
        }

        if (token.TryGetPayloadValue<long>(ModuleItemClaim, out var itemId) && lms.Modules.Find(itemId) is { } item)
        {
            return ModuleItemClaims(lms, person, nonce, item);
        }

        return null;
    }

    private static JsonObject DeepLinkingClaims(DemoLms lms, PilotPerson person, string nonce, string data)
    {
        var claims = DemoLaunch.ResourceLinkClaims(lms, person, nonce);
        claims[LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingRequest;
        claims.Remove(LtiConstants.Claims.ResourceLink);
        claims[LtiConstants.Claims.CanvasPlacement] = LtiConstants.Canvas.PlacementLinkSelection;
        claims[LtiConstants.Claims.DeepLinkingSettings] = new JsonObject
        {
            ["deep_link_return_url"] = lms.Options.At(ReturnPath).AbsoluteUri,
            ["accept_types"] = new JsonArray(LtiConstants.ContentItemTypes.LtiResourceLink),
            ["accept_presentation_document_targets"] = new JsonArray("iframe", "window"),
            ["accept_media_types"] = "application/vnd.ims.lti.v1.ltilink",
            ["accept_multiple"] = true,
            ["accept_lineitem"] = true,
            ["auto_create"] = true,
            ["title"] = DemoModules.ModuleName,
            ["data"] = data,
        };
        return claims;
    }

    private static JsonObject ModuleItemClaims(DemoLms lms, PilotPerson person, string nonce, DemoModuleItem item)
    {
        var claims = DemoLaunch.ResourceLinkClaims(lms, person, nonce);
        claims[LtiConstants.Claims.TargetLinkUri] = item.Url.AbsoluteUri;
        claims[LtiConstants.Claims.ResourceLink] = new JsonObject { ["id"] = item.ResourceLinkId, ["title"] = item.Title, ["description"] = item.Text };
        claims.Remove(LtiConstants.Claims.CanvasPlacement);
        var custom = (JsonObject)claims[LtiConstants.Claims.Custom]!;
        foreach (var (key, value) in item.Custom)
        {
            custom[key] = value;
        }

        if (item.LineItemId is { } lineItemId)
        {
            ((JsonObject)claims[LtiConstants.Claims.AgsEndpoint]!)["lineitem"] = lms.Options.At($"/api/lti/courses/{Course}/line_items/{lineItemId.ToString(CultureInfo.InvariantCulture)}").AbsoluteUri;
        }

        return claims;
    }

    private static IResult Modules(DemoLms lms, string who)
    {
        if (Person(lms, who) is not { } person)
        {
            return DemoPages.ErrorPage(404, "unknown_user", "There is no such person in the course.");
        }

        var html = new StringBuilder("<main><h1>Modules</h1>")
            .Append("<p class=\"muted\">Signed in as ").Append(DemoPages.Encode(person.Name)).Append(". <a href=\"/\">Back to the course</a></p>")
            .Append("<section class=\"card\" aria-labelledby=\"module-10\"><h2 id=\"module-10\">").Append(DemoPages.Encode(DemoModules.ModuleName)).Append("</h2><ul class=\"module-items\">");
        var items = lms.Modules.Items;
        if (items.Count == 0)
        {
            html.Append("<li class=\"muted\">No items yet.</li>");
        }

        foreach (var item in items)
        {
            var column = item.LineItemId is { } id ? lms.Gradebook.Find(id) : null;
            html.Append("<li class=\"module-item\" data-item-id=\"").Append(item.Id.ToString(CultureInfo.InvariantCulture)).Append("\"><a href=\"")
                .Append(ModulesPath).Append("/items/").Append(item.Id.ToString(CultureInfo.InvariantCulture)).Append("?as=").Append(person.UserId.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(DemoPages.Encode(item.Title)).Append("</a> <span class=\"muted\">External tool")
                .Append(column is null ? "" : " · gradebook column \"" + DemoPages.Encode(column.Label) + "\" (" + column.ScoreMaximum.ToString("0.##", CultureInfo.InvariantCulture) + " pt)")
                .Append("</span>");
            if (!string.IsNullOrEmpty(item.Text))
            {
                html.Append("<br><span class=\"muted\">").Append(DemoPages.Encode(item.Text)).Append("</span>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
        if (IsInstructor(lms, person))
        {
            html.Append("<details><summary>+ Add item</summary><form method=\"get\" action=\"").Append(ModulesPath).Append("/external_tool\">")
                .Append("<input type=\"hidden\" name=\"as\" value=\"").Append(person.UserId.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append("<p><label for=\"item-type\">Add</label><select id=\"item-type\" name=\"type\"><option value=\"external_tool\">External tool</option></select></p>")
                .Append("<p><input type=\"radio\" id=\"tool-badges\" name=\"tool\" value=\"badges\" checked> <label for=\"tool-badges\">Badges</label></p>")
                .Append("<button type=\"submit\">Open the tool</button></form></details>");
        }

        return DemoPages.Page("Modules · " + lms.Course.Name, html.Append("</section></main>").ToString());
    }

    private static IResult AddItemFrame(DemoLms lms, string who) =>
        Person(lms, who) is { } person && IsInstructor(lms, person)
            ? Frame(lms, person, "Add item · External tool", $"{ModulesPath}/external_tool/launch?as={person.UserId.ToString(CultureInfo.InvariantCulture)}")
            : DemoPages.ErrorPage(403, "not_allowed", "Only the course's instructor adds module items.");

    private static IResult AddItemLogin(DemoLms lms, string who)
    {
        if (Person(lms, who) is not { } person || !IsInstructor(lms, person))
        {
            return DemoPages.ErrorPage(403, "not_allowed", "Only the course's instructor adds module items.");
        }

        var hint = Hint(lms, person, LtiConstants.Canvas.PlacementLinkSelection, h => h[DataClaim] = lms.Modules.OpenRequest(person.UserId));
        return Login(lms, person, hint, lms.Options.ToolLaunchUri);
    }

    private static IResult ItemFrame(DemoLms lms, long id, string who)
    {
        if (Person(lms, who) is not { } person)
        {
            return DemoPages.ErrorPage(404, "unknown_user", "There is no such person in the course.");
        }

        return lms.Modules.Find(id) is { } item
            ? Frame(lms, person, item.Title, $"{ModulesPath}/items/{item.Id.ToString(CultureInfo.InvariantCulture)}/launch?as={person.UserId.ToString(CultureInfo.InvariantCulture)}")
            : DemoPages.ErrorPage(404, "unknown_item", "There is no such module item.");
    }

    private static IResult ItemLogin(DemoLms lms, long id, string who)
    {
        if (Person(lms, who) is not { } person || lms.Modules.Find(id) is not { } item)
        {
            return DemoPages.ErrorPage(404, "unknown_item", "There is no such module item or person.");
        }

        var hint = Hint(lms, person, "module_item", h => h[ModuleItemClaim] = item.Id);
        return Login(lms, person, hint, item.Url);
    }

    private static IResult Login(DemoLms lms, PilotPerson person, string hint, Uri targetLinkUri)
    {
        var fields = DemoLaunch.LoginInitiation(lms, person)
            .Select(f => f.Key switch
            {
                "lti_message_hint" => new KeyValuePair<string, string>(f.Key, hint),
                "target_link_uri" => new KeyValuePair<string, string>(f.Key, targetLinkUri.AbsoluteUri),
                _ => f,
            })
            .ToList();
        return Results.Content(AutoPostForm.Render(lms.Options.ToolLoginUri, fields), "text/html; charset=utf-8");
    }

    private static string Hint(DemoLms lms, PilotPerson person, string placement, Action<JsonObject> extra)
    {
        var now = lms.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = lms.Options.Issuer,
            ["aud"] = DemoLaunch.MessageHintAudience,
            ["iat"] = now,
            ["exp"] = now + 600,
            ["canvas_user_id"] = person.UserId,
            ["context_id"] = PilotCourse.CourseId,
            [PlacementClaim] = placement,
        };
        extra(payload);
        return lms.Sign(payload.ToJsonString());
    }

    private static IResult Frame(DemoLms lms, PilotPerson person, string title, string src)
    {
        var body = new StringBuilder()
            .Append("<div class=\"frame\"><nav aria-label=\"Course\"><strong>").Append(DemoPages.Encode(lms.Course.CourseCode)).Append("</strong>")
            .Append("<a href=\"/\">Home</a><a href=\"").Append(ModulesHref(person.UserId)).Append("\">Modules</a>")
            .Append("<p class=\"muted\">Signed in as ").Append(DemoPages.Encode(person.Name)).Append("</p></nav>")
            .Append("<iframe title=\"").Append(DemoPages.Encode(title)).Append(" (LTI tool)\" name=\"tool_content\" src=\"").Append(src).Append("\" allow=\"clipboard-write\"></iframe></div>")
            .Append(DemoPages.PlatformStorageScript);
        return DemoPages.Page($"{title} · {lms.Course.Name}", body.ToString());
    }

    internal static bool IsInstructor(DemoLms lms, PilotPerson person) => person.UserId == lms.Course.Instructor.UserId;

    internal static PilotPerson? Person(DemoLms lms, string who) =>
        long.TryParse(who, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) ? lms.Course.FindByUserId(userId) : null;
}
