using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>Reading the JSON bodies and query filters the emulated LMS's services (Canvas and Moodle AGS) accept.</summary>
internal static class DemoJsonBody
{
    /// <summary>The request body as a JSON object, or null when it is not one.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Text(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static double? Number(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    /// <summary>An AGS line item from the request body (label and a positive scoreMaximum required), or null.</summary>
    public static async Task<DemoLineItem?> ReadLineItemAsync(HttpContext http)
    {
        var body = await ReadObjectAsync(http);
        if (body is null || Text(body, "label") is not { Length: > 0 } label || Number(body, "scoreMaximum") is not { } maximum || maximum <= 0)
        {
            return null;
        }

        return new DemoLineItem
        {
            Label = label,
            ScoreMaximum = maximum,
            ResourceId = Text(body, "resourceId"),
            Tag = Text(body, "tag"),
            ResourceLinkId = Text(body, "resourceLinkId"),
            StartDateTime = DateTimeOffset.TryParse(Text(body, "startDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null,
            EndDateTime = DateTimeOffset.TryParse(Text(body, "endDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) ? end : null,
        };
    }

    /// <summary>True when the query filter is absent or equals the value.</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues filter, string? value) =>
        filter.Count == 0 || string.Equals(filter.ToString(), value, StringComparison.Ordinal);
}
