using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using static LtiBadgeBridge.Web.Demo.DemoJsonBody;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>Assignment and Grade Services 2.0 on Moodle's routes (<c>mod/lti/services.php/{course}/lineitems?type_id=</c>,
/// <c>.../lineitems/{id}/lineitem?type_id=</c> with <c>/scores</c> and <c>/results</c> before the query). Each tool
/// type sees only its own line items; scores land in <see cref="DemoMoodle.Gradebook"/>, shown on the grader report.</summary>
internal static class DemoMoodleAgs
{
    public static void Map(WebApplication app, DemoMoodle moodle)
    {
        var prefix = DemoMoodle.PathPrefix + "/mod/lti/services.php/{courseId:long}/lineitems";
        app.MapGet(prefix, (HttpContext http, long courseId) => List(http, moodle, courseId));
        app.MapPost(prefix, (HttpContext http, long courseId) => CreateAsync(http, moodle, courseId));
        app.MapGet(prefix + "/{id:long}/lineitem", (HttpContext http, long courseId, long id) => Get(http, moodle, courseId, id));
        app.MapPut(prefix + "/{id:long}/lineitem", (HttpContext http, long courseId, long id) => UpdateAsync(http, moodle, courseId, id));
        app.MapDelete(prefix + "/{id:long}/lineitem", (HttpContext http, long courseId, long id) => Delete(http, moodle, courseId, id));
        app.MapPost(prefix + "/{id:long}/lineitem/scores", (HttpContext http, long courseId, long id) => ScoreAsync(http, moodle, courseId, id));
        app.MapGet(prefix + "/{id:long}/lineitem/results", (HttpContext http, long courseId, long id) => Results(http, moodle, courseId, id));
    }

    /// <summary>The line item's URL (its id), e.g. <c>.../services.php/2/lineitems/5/lineitem?type_id=1</c>.</summary>
    public static string LineItemUrl(DemoMoodle moodle, long typeId, long id) =>
        moodle.At($"/mod/lti/services.php/{DemoMoodle.CourseId}/lineitems/{id}/lineitem?type_id={typeId}").AbsoluteUri;

    private static long? Authorized(HttpContext http, DemoMoodle moodle, long courseId, params string[] scopes) =>
        courseId == DemoMoodle.CourseId && long.TryParse(http.Request.Query["type_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var typeId)
        && moodle.Allows(http.Request.Headers.Authorization, typeId, scopes) ? typeId : null;

    private static IResult List(HttpContext http, DemoMoodle moodle, long courseId)
    {
        if (Authorized(http, moodle, courseId, LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly) is not { } typeId)
        {
            return Unauthorized();
        }

        var query = http.Request.Query;
        var items = moodle.Gradebook.LineItems
            .Where(l => Owner(moodle, l) == typeId && Matches(query["resource_link_id"], l.ResourceLinkId) && Matches(query["resource_id"], l.ResourceId) && Matches(query["tag"], l.Tag))
            .ToList();
        var body = new JsonArray([.. items.Select(l => ToJson(moodle, typeId, l))]);
        return Microsoft.AspNetCore.Http.Results.Text(body.ToJsonString(), LtiConstants.MediaTypes.LineItemContainer);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, DemoMoodle moodle, long courseId)
    {
        if (Authorized(http, moodle, courseId, LtiConstants.Scopes.LineItem) is not { } typeId)
        {
            return Unauthorized();
        }

        if (await ReadLineItemAsync(http) is not { } item)
        {
            return BadRequest();
        }

        var stored = moodle.Gradebook.Add(item);
        moodle.LineItemOwners[stored.Id] = typeId;
        return Microsoft.AspNetCore.Http.Results.Text(ToJson(moodle, typeId, stored).ToJsonString(), LtiConstants.MediaTypes.LineItem, statusCode: 201);
    }

    private static IResult Get(HttpContext http, DemoMoodle moodle, long courseId, long id)
    {
        if (Authorized(http, moodle, courseId, LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly) is not { } typeId)
        {
            return Unauthorized();
        }

        return moodle.Gradebook.Find(id) is { } item && Owner(moodle, item) == typeId
            ? Microsoft.AspNetCore.Http.Results.Text(ToJson(moodle, typeId, item).ToJsonString(), LtiConstants.MediaTypes.LineItem)
            : NotFound();
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, DemoMoodle moodle, long courseId, long id)
    {
        if (Authorized(http, moodle, courseId, LtiConstants.Scopes.LineItem) is not { } typeId)
        {
            return Unauthorized();
        }

        if (moodle.Gradebook.Find(id) is not { } existing || Owner(moodle, existing) != typeId)
        {
            return NotFound();
        }

        return await ReadLineItemAsync(http) is { } item && moodle.Gradebook.Update(id, item) is { } stored
            ? Microsoft.AspNetCore.Http.Results.Text(ToJson(moodle, typeId, stored).ToJsonString(), LtiConstants.MediaTypes.LineItem)
            : BadRequest();
    }

    private static IResult Delete(HttpContext http, DemoMoodle moodle, long courseId, long id)
    {
        if (Authorized(http, moodle, courseId, LtiConstants.Scopes.LineItem) is not { } typeId)
        {
            return Unauthorized();
        }

        return moodle.Gradebook.Find(id) is { } item && Owner(moodle, item) == typeId && moodle.Gradebook.Remove(id)
            ? Microsoft.AspNetCore.Http.Results.NoContent()
            : NotFound();
    }

    private static async Task<IResult> ScoreAsync(HttpContext http, DemoMoodle moodle, long courseId, long id)
    {
        if (Authorized(http, moodle, courseId, LtiConstants.Scopes.Score) is not { } typeId)
        {
            return Unauthorized();
        }

        if (moodle.Gradebook.Find(id) is not { } item || Owner(moodle, item) != typeId)
        {
            return NotFound();
        }

        var body = await ReadObjectAsync(http);
        var userId = Text(body, "userId");
        if (body is null || userId is null || !DateTimeOffset.TryParse(Text(body, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || Text(body, "activityProgress") is not { } activity || Text(body, "gradingProgress") is not { } grading)
        {
            return BadRequest();
        }

        // Moodle accepts scores only for users enrolled in the course.
        if (!long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var user) || !moodle.Course.Learners.Any(l => l.UserId == user))
        {
            return BadRequest();
        }

        var given = Number(body, "scoreGiven");
        var maximum = Number(body, "scoreMaximum");
        if (given is not null && maximum is null)
        {
            return BadRequest();
        }

        moodle.Gradebook.Post(id, new DemoScore
        {
            UserId = userId,
            ScoreGiven = given,
            ScoreMaximum = maximum,
            Comment = Text(body, "comment"),
            Timestamp = at,
            ActivityProgress = activity,
            GradingProgress = grading,
        });
        return Microsoft.AspNetCore.Http.Results.Text("", LtiConstants.MediaTypes.Score);
    }

    private static IResult Results(HttpContext http, DemoMoodle moodle, long courseId, long id)
    {
        if (Authorized(http, moodle, courseId, LtiConstants.Scopes.ResultReadOnly) is not { } typeId)
        {
            return Unauthorized();
        }

        if (moodle.Gradebook.Find(id) is not { } item || Owner(moodle, item) != typeId)
        {
            return NotFound();
        }

        var user = http.Request.Query["user_id"].ToString();
        var lineItemUrl = LineItemUrl(moodle, typeId, id);
        var body = new JsonArray([.. moodle.Gradebook.ScoresOf(id).Where(s => user.Length == 0 || s.UserId == user).Select(s => (JsonNode)new JsonObject
        {
            ["id"] = moodle.At($"/mod/lti/services.php/{DemoMoodle.CourseId}/lineitems/{id}/lineitem/results?type_id={typeId}&user_id={s.UserId}").AbsoluteUri,
            ["scoreOf"] = lineItemUrl,
            ["userId"] = s.UserId,
            ["resultScore"] = s.ScoreGiven,
            ["resultMaximum"] = s.ScoreMaximum,
            ["comment"] = s.Comment,
            ["timestamp"] = s.Timestamp.ToString("O", CultureInfo.InvariantCulture),
        })]);
        return Microsoft.AspNetCore.Http.Results.Text(body.ToJsonString(), LtiConstants.MediaTypes.ResultContainer);
    }

    /// <summary>The tool type that created a line item (Moodle keeps it on the grade item).</summary>
    private static long Owner(DemoMoodle moodle, DemoLineItem item) => moodle.LineItemOwners.GetValueOrDefault(item.Id);

    private static JsonNode ToJson(DemoMoodle moodle, long typeId, DemoLineItem item)
    {
        var json = new JsonObject
        {
            ["id"] = LineItemUrl(moodle, typeId, item.Id),
            ["label"] = item.Label,
            ["scoreMaximum"] = item.ScoreMaximum,
            ["resourceId"] = item.ResourceId ?? "",
            ["tag"] = item.Tag ?? "",
        };
        if (item.ResourceLinkId is not null)
        {
            json["resourceLinkId"] = item.ResourceLinkId;
            json["ltiLinkId"] = item.ResourceLinkId;
        }

        return json;
    }

    private static IResult Unauthorized() => Microsoft.AspNetCore.Http.Results.Text("Unauthorized", "text/plain", statusCode: 401);

    private static IResult NotFound() => Microsoft.AspNetCore.Http.Results.Text("Not Found", "text/plain", statusCode: 404);

    private static IResult BadRequest() => Microsoft.AspNetCore.Http.Results.Text("Bad Request", "text/plain", statusCode: 400);
}
