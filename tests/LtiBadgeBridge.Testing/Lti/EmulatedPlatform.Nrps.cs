using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using WireMock;

namespace LtiBadgeBridge.Testing.Lti;

public sealed partial class EmulatedPlatform
{
    private const int CanvasNrpsPageCap = 50;
    private List<JsonObject> _members = [];

    /// <summary>When set, the <c>next</c> link of the first page points at this origin instead of the
    /// platform's (to prove clients never follow a link to another host).</summary>
    public string? ForeignNextLinkOrigin { get; set; }

    /// <summary>Replaces the roster with <paramref name="learners"/> learners and one instructor.</summary>
    public void SetMembers(int learners)
    {
        var members = new List<JsonObject>
        {
            Member("teacher-1", LtiConstants.Roles.Instructor),
        };
        for (var i = 1; i <= learners; i++)
        {
            members.Add(Member("user-" + i.ToString(CultureInfo.InvariantCulture), LtiConstants.Roles.Learner));
        }

        _members = members;
    }

    private static JsonObject Member(string userId, string role) => new()
    {
        ["status"] = "Active",
        ["user_id"] = userId,
        ["name"] = "Person " + userId,
        ["email"] = userId + "@example.edu",
        ["roles"] = new JsonArray(role),
    };

    private void MapNrps() =>
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(MembershipsUrl.AbsolutePath).UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(Memberships));

    private ResponseMessage Memberships(IRequestMessage request)
    {
        if (!IsAuthorized(request))
        {
            return Json(401, """{"errors":[{"message":"Invalid access token"}]}""", ("WWW-Authenticate", "Bearer realm=\"canvas-lms\""));
        }

        var requested = int.TryParse(QueryValue(request, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 10;
        var limit = Flavour == PlatformFlavour.Canvas ? Math.Min(requested, CanvasNrpsPageCap) : requested;
        var page = int.TryParse(QueryValue(request, "page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var members = _members;
        var body = new JsonObject
        {
            ["id"] = MembershipsUrl.AbsoluteUri,
            ["context"] = new JsonObject { ["id"] = CourseId, ["label"] = "BIO101", ["title"] = "Biology" },
            ["members"] = new JsonArray([.. members.Skip((page - 1) * limit).Take(limit).Select(m => m.DeepClone())]),
        };
        var headers = new List<(string, string)>();
        if (page * limit < members.Count)
        {
            var origin = page == 1 && ForeignNextLinkOrigin is { } foreign ? foreign : BaseUrl;
            var baseUrl = origin + MembershipsUrl.AbsolutePath;
            headers.Add((Flavour == PlatformFlavour.Canvas ? "Link" : "link", NextLink(baseUrl, page + 1, limit)));
        }

        return Text(200, body.ToJsonString(), LtiConstants.MediaTypes.MembershipContainer, [.. headers]);
    }

    /// <summary>Canvas: several standard rels. Moodle: odd quoting around <c>next</c>. Real Moodle versions
    /// write typographic quotes as raw UTF-8 bytes; Kestrel refuses non-ASCII response headers, so over HTTP
    /// the emulator uses single quotes and the typographic forms are covered by the LinkHeader unit tests.</summary>
    private string NextLink(string url, int page, int limit)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var next = $"{url}{separator}page={page}&limit={limit}";
        return Flavour == PlatformFlavour.Canvas
            ? $"<{url}{separator}page=1&limit={limit}>; rel=\"current\",<{next}>; rel=\"next\",<{url}{separator}page=1&limit={limit}>; rel=\"first\""
            : $"<{next}>; rel='next'";
    }
}
