using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Web.Demo.Data;
using static LtiBadgeBridge.Web.Demo.DemoJsonBody;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>Assignment and Grade Services 2.0 on Canvas's routes: line items (list, create, read, update,
/// delete), scores and results. Scores land in <see cref="DemoGradebook"/>, shown on the gradebook page.</summary>
internal static class DemoAgsEndpoints
{
    private static readonly string Course = PilotCourse.CourseId.ToString(CultureInfo.InvariantCulture);

    public static void Map(WebApplication app, DemoLms lms)
    {
        var prefix = $"/api/lti/courses/{Course}/line_items";
        app.MapGet(prefix, (HttpContext http) => List(http, lms));
        app.MapPost(prefix, (Func<HttpContext, Task<IResult>>)(http => CreateAsync(http, lms)));
        app.MapGet(prefix + "/{id:long}", (HttpContext http, long id) => Get(http, lms, id));
        app.MapPut(prefix + "/{id:long}", (HttpContext http, long id) => UpdateAsync(http, lms, id));
        app.MapDelete(prefix + "/{id:long}", (HttpContext http, long id) => Delete(http, lms, id));
        app.MapPost(prefix + "/{id:long}/scores", (HttpContext http, long id) => ScoreAsync(http, lms, id));
        app.MapGet(prefix + "/{id:long}/results", (HttpContext http, long id) => Results(http, lms, id));
    }

    private static IResult List(HttpContext http, DemoLms lms)
    {
        if (!lms.Tokens.AllowsService(http.Request.Headers.Authorization, LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        var query = http.Request.Query;
        var items = lms.Gradebook.LineItems
            .Where(l => Matches(query["resource_link_id"], l.ResourceLinkId) && Matches(query["resource_id"], l.ResourceId) && Matches(query["tag"], l.Tag))
            .ToList();
        var (page, limit) = DemoPaging.Read(http, fallback: 50, max: 100, sizeParameter: "limit");
        DemoPaging.AddLinkHeader(http, lms, page, limit, items.Count, "limit");
        var body = new JsonArray([.. items.Skip((page - 1) * limit).Take(limit).Select(l => ToJson(lms, l))]);
        return Microsoft.AspNetCore.Http.Results.Text(body.ToJsonString(), LtiConstants.MediaTypes.LineItemContainer);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, DemoLms lms)
    {
        if (!lms.Tokens.AllowsService(http.Request.Headers.Authorization, LtiConstants.Scopes.LineItem))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        var item = await ReadLineItemAsync(http);
        if (item is null)
        {
            return Invalid("A line item needs a label and a positive scoreMaximum.");
        }

        var stored = lms.Gradebook.Add(item);
        return Microsoft.AspNetCore.Http.Results.Text(ToJson(lms, stored).ToJsonString(), LtiConstants.MediaTypes.LineItem);
    }

    private static IResult Get(HttpContext http, DemoLms lms, long id)
    {
        if (!lms.Tokens.AllowsService(http.Request.Headers.Authorization, LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        return lms.Gradebook.Find(id) is { } item
            ? Microsoft.AspNetCore.Http.Results.Text(ToJson(lms, item).ToJsonString(), LtiConstants.MediaTypes.LineItem)
            : NotFound();
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, DemoLms lms, long id)
    {
        if (!lms.Tokens.AllowsService(http.Request.Headers.Authorization, LtiConstants.Scopes.LineItem))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        var item = await ReadLineItemAsync(http);
        if (item is null)
        {
            return Invalid("A line item needs a label and a positive scoreMaximum.");
        }

        return lms.Gradebook.Update(id, item) is { } stored
            ? Microsoft.AspNetCore.Http.Results.Text(ToJson(lms, stored).ToJsonString(), LtiConstants.MediaTypes.LineItem)
            : NotFound();
    }

    private static IResult Delete(HttpContext http, DemoLms lms, long id)
    {
        if (!lms.Tokens.AllowsService(http.Request.Headers.Authorization, LtiConstants.Scopes.LineItem))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        return lms.Gradebook.Remove(id) ? Microsoft.AspNetCore.Http.Results.NoContent() : NotFound();
    }

    private static async Task<IResult> ScoreAsync(HttpContext http, DemoLms lms, long id)
    {
        if (!lms.Tokens.AllowsService(http.Request.Headers.Authorization, LtiConstants.Scopes.Score))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        if (lms.Gradebook.Find(id) is null)
        {
            return NotFound();
        }

        var body = await ReadObjectAsync(http);
        var userId = Text(body, "userId");
        var timestamp = Text(body, "timestamp");
        if (body is null || userId is null || !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || Text(body, "activityProgress") is not { } activity || Text(body, "gradingProgress") is not { } grading)
        {
            return Invalid("A score needs userId, timestamp, activityProgress and gradingProgress.");
        }

        if (!lms.Course.Learners.Any(l => l.Subject == userId))
        {
            return Invalid("User not found in course or is not a student");
        }

        var given = Number(body, "scoreGiven");
        var maximum = Number(body, "scoreMaximum");
        if (given is not null && maximum is null)
        {
            return Invalid("ScoreMaximum must be present when ScoreGiven is present");
        }

        lms.Gradebook.Post(id, new DemoScore
        {
            UserId = userId,
            ScoreGiven = given,
            ScoreMaximum = maximum,
            Comment = Text(body, "comment"),
            Timestamp = at,
            ActivityProgress = activity,
            GradingProgress = grading,
        });
        var resultUrl = lms.Options.At($"/api/lti/courses/{Course}/line_items/{id}/results/{Uri.EscapeDataString(userId)}").AbsoluteUri;
        return Microsoft.AspNetCore.Http.Results.Json(new JsonObject { ["resultUrl"] = resultUrl });
    }

    private static IResult Results(HttpContext http, DemoLms lms, long id)
    {
        if (!lms.Tokens.AllowsService(http.Request.Headers.Authorization, LtiConstants.Scopes.ResultReadOnly))
        {
            return DemoLtiEndpoints.Unauthorized(http);
        }

        if (lms.Gradebook.Find(id) is null)
        {
            return NotFound();
        }

        var user = http.Request.Query["user_id"].ToString();
        var lineItemUrl = lms.Options.At($"/api/lti/courses/{Course}/line_items/{id}").AbsoluteUri;
        var scores = lms.Gradebook.ScoresOf(id).Where(s => user.Length == 0 || s.UserId == user).ToList();
        var (page, limit) = DemoPaging.Read(http, fallback: 50, max: 100, sizeParameter: "limit");
        DemoPaging.AddLinkHeader(http, lms, page, limit, scores.Count, "limit");
        var body = new JsonArray([.. scores.Skip((page - 1) * limit).Take(limit).Select(s => (JsonNode)new JsonObject
        {
            ["id"] = lineItemUrl + "/results/" + Uri.EscapeDataString(s.UserId),
            ["scoreOf"] = lineItemUrl,
            ["userId"] = s.UserId,
            ["resultScore"] = s.ScoreGiven,
            ["resultMaximum"] = s.ScoreMaximum,
            ["comment"] = s.Comment,
        })]);
        return Microsoft.AspNetCore.Http.Results.Text(body.ToJsonString(), LtiConstants.MediaTypes.ResultContainer);
    }

    private static JsonNode ToJson(DemoLms lms, DemoLineItem item) => new JsonObject
    {
        ["id"] = lms.Options.At($"/api/lti/courses/{Course}/line_items/{item.Id}").AbsoluteUri,
        ["scoreMaximum"] = item.ScoreMaximum,
        ["label"] = item.Label,
        ["resourceId"] = item.ResourceId,
        ["tag"] = item.Tag,
        ["resourceLinkId"] = item.ResourceLinkId,
        ["startDateTime"] = item.StartDateTime?.ToString("O", CultureInfo.InvariantCulture),
        ["endDateTime"] = item.EndDateTime?.ToString("O", CultureInfo.InvariantCulture),
    };

    private static IResult NotFound() =>
        Microsoft.AspNetCore.Http.Results.Json(new { errors = new[] { new { message = "The specified resource does not exist." } } }, statusCode: 404);

    private static IResult Invalid(string message) =>
        Microsoft.AspNetCore.Http.Results.Json(new { errors = new { type = "unprocessable_entity", message } }, statusCode: 422);
}
