using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>How Moodle writes JSON: lowercase run-together names, numbers and booleans that are sometimes strings.</summary>
internal static class MoodleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new TolerantBooleanConverter() },
    };

    /// <summary>Reads true/false, 1/0 and "1"/"0"/"true"/"false".</summary>
    private sealed class TolerantBooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number => reader.GetDecimal() != 0,
            JsonTokenType.String => reader.GetString() switch
            {
                "1" or "true" or "True" => true,
                "0" or "false" or "False" or "" => false,
                var other => decimal.TryParse(other, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    ? n != 0
                    : throw new JsonException($"'{other}' is not a boolean."),
            },
            _ => throw new JsonException($"A {reader.TokenType} is not a boolean."),
        };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }
}
