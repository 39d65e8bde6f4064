using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using WireMock;
using WireMock.Matchers;

namespace LtiBadgeBridge.Testing.Lti;

public sealed partial class EmulatedPlatform
{
    private readonly ConcurrentDictionary<int, JsonObject> _lineItems = new();
    private readonly ConcurrentQueue<(int LineItem, JsonObject Score)> _scores = new();
    private int _nextLineItem = 6;

    /// <summary>Every score received, with the number of the line item it was posted to.</summary>
    public IReadOnlyCollection<(int LineItem, JsonObject Score)> Scores => _scores;

    /// <summary>Page size of line item listings when the client sends no <c>limit</c>.</summary>
    public int LineItemPageSize { get; set; } = 10;

    private string AgsPrefix => Flavour == PlatformFlavour.Canvas ? "/api/lti/courses/101/line_items" : "/mod/lti/services.php/2/lineitems";

    /// <summary>The absolute URL of line item <paramref name="number"/> (Moodle: with <c>?type_id=1</c>).</summary>
    public string LineItemUrl(int number) => Flavour == PlatformFlavour.Canvas
        ? $"{BaseUrl}{AgsPrefix}/{number}"
        : $"{BaseUrl}{AgsPrefix}/{number}/lineitem?type_id=1";

    /// <summary>Adds a line item directly (as if created in the gradebook) and returns its URL.</summary>
    public string AddLineItem(string label, double scoreMaximum, string? resourceId = null)
    {
        var number = Interlocked.Increment(ref _nextLineItem);
        _lineItems[number] = new JsonObject
        {
            ["id"] = LineItemUrl(number),
            ["label"] = label,
            ["scoreMaximum"] = scoreMaximum,
            ["resourceId"] = resourceId,
        };
        return LineItemUrl(number);
    }

    private void MapAgs() =>
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(new WildcardMatcher(AgsPrefix + "*")))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(HandleAgs));

    private ResponseMessage HandleAgs(IRequestMessage request)
    {
        if (!IsAuthorized(request))
        {
            return Json(401, """{"errors":[{"message":"Invalid access token"}]}""", ("WWW-Authenticate", "Bearer realm=\"canvas-lms\""));
        }

        if (Flavour == PlatformFlavour.Moodle && QueryValue(request, "type_id") != "1")
        {
            return Json(400, """{"error":"type_id missing or malformed"}""");
        }

        var rest = request.Path[AgsPrefix.Length..];
        if (rest.Length == 0)
        {
            return request.Method == "POST" ? CreateLineItem(request) : ListLineItems(request);
        }

        var segments = rest.Trim('/').Split('/');
        if (!int.TryParse(segments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !_lineItems.TryGetValue(number, out var item))
        {
            return Json(404, """{"error":"not found"}""");
        }

        var tail = segments.Skip(Flavour == PlatformFlavour.Moodle ? 2 : 1).ToArray();
        if (Flavour == PlatformFlavour.Moodle && (segments.Length < 2 || segments[1] != "lineitem"))
        {
            return Json(404, """{"error":"not found"}""");
        }

        return (request.Method, tail.Length == 0 ? "" : tail[0]) switch
        {
            ("GET", "") => Json(200, item.ToJsonString()),
            ("PUT", "") => UpdateLineItem(number, request),
            ("DELETE", "") => DeleteLineItem(number),
            ("POST", "scores") => PostScore(number, item, request),
            ("GET", "results") => Results(number),
            _ => Json(405, """{"error":"method not allowed"}"""),
        };
    }

    private ResponseMessage ListLineItems(IRequestMessage request)
    {
        var limit = int.TryParse(QueryValue(request, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : LineItemPageSize;
        var page = int.TryParse(QueryValue(request, "page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var all = _lineItems.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToList();
        var items = new JsonArray([.. all.Skip((page - 1) * limit).Take(limit).Select(i => i.DeepClone())]);
        var headers = new List<(string, string)>();
        if (page * limit < all.Count)
        {
            headers.Add(("Link", NextLink(LineItemsUrl.AbsoluteUri, page + 1, limit)));
        }

        return Text(200, items.ToJsonString(), LtiConstants.MediaTypes.LineItemContainer, [.. headers]);
    }

    private ResponseMessage CreateLineItem(IRequestMessage request)
    {
        if (JsonNode.Parse(request.Body ?? "null") is not JsonObject body || body["label"] is null || body["scoreMaximum"] is null)
        {
            return Json(400, """{"error":"label and scoreMaximum are required"}""");
        }

        var number = Interlocked.Increment(ref _nextLineItem);
        body["id"] = LineItemUrl(number);
        _lineItems[number] = body;
        return Text(201, body.ToJsonString(), LtiConstants.MediaTypes.LineItem);
    }

    private ResponseMessage UpdateLineItem(int number, IRequestMessage request)
    {
        if (JsonNode.Parse(request.Body ?? "null") is not JsonObject body)
        {
            return Json(400, """{"error":"body required"}""");
        }

        body["id"] = LineItemUrl(number);
        _lineItems[number] = body;
        return Text(200, body.ToJsonString(), LtiConstants.MediaTypes.LineItem);
    }

    private ResponseMessage DeleteLineItem(int number) =>
        _lineItems.TryRemove(number, out _) ? Text(204, "", "text/plain") : Json(404, """{"error":"not found"}""");

    private ResponseMessage PostScore(int number, JsonObject lineItem, IRequestMessage request)
    {
        if (JsonNode.Parse(request.Body ?? "null") is not JsonObject score || score["userId"] is null || score["timestamp"] is null)
        {
            return Json(400, """{"error":"userId and timestamp are required"}""");
        }

        if (score["scoreGiven"] is not null && score["scoreMaximum"] is null)
        {
            return Json(422, """{"errors":{"type":"unprocessable_entity","message":"ScoreMaximum must be present"}}""");
        }

        var userId = score["userId"]!.ToString();
        var timestamp = DateTimeOffset.Parse(score["timestamp"]!.ToString(), CultureInfo.InvariantCulture);
        var previous = _scores.Where(s => s.LineItem == number && s.Score["userId"]!.ToString() == userId).Select(s => s.Score).LastOrDefault();
        if (previous is not null && DateTimeOffset.Parse(previous["timestamp"]!.ToString(), CultureInfo.InvariantCulture) > timestamp)
        {
            return Json(400, """{"errors":{"type":"bad_request","message":"Score timestamp not after previous"}}""");
        }

        _ = lineItem;
        _scores.Enqueue((number, score));
        return Json(200, "{}");
    }

    private ResponseMessage Results(int number)
    {
        var latest = _scores.Where(s => s.LineItem == number)
            .GroupBy(s => s.Score["userId"]!.ToString())
            .Select(g => g.Last().Score)
            .Select(s => (JsonNode)new JsonObject
            {
                ["id"] = LineItemUrl(number) + "#result-" + s["userId"]!.ToString(),
                ["scoreOf"] = LineItemUrl(number),
                ["userId"] = s["userId"]!.DeepClone(),
                ["resultScore"] = s["scoreGiven"]?.DeepClone(),
                ["resultMaximum"] = s["scoreMaximum"]?.DeepClone(),
            });
        return Text(200, new JsonArray([.. latest]).ToJsonString(), LtiConstants.MediaTypes.ResultContainer);
    }

    private static string? QueryValue(IRequestMessage request, string name) =>
        request.Query is not null && request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
