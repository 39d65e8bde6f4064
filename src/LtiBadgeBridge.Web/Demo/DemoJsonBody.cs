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

    /// <summary>True when the query filter is absent or equals the value.</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues filter, string? value) =>
        filter.Count == 0 || string.Equals(filter.ToString(), value, StringComparison.Ordinal);
}
