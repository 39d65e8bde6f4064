using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>How Canvas writes JSON: snake_case names, numbers that are sometimes strings.</summary>
internal static class CanvasJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
