using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiBadgeBridge.Achievements;

/// <summary>The JSON settings of the snapshot and award contracts (System.Text.Json, web defaults).</summary>
internal static class AchievementJson
{
    /// <summary>Writing <c>awards.result</c>/<c>awards.evidence</c>: plain web defaults, as the issuance side reads them.</summary>
    public static readonly JsonSerializerOptions Contract = new(JsonSerializerDefaults.Web);

    /// <summary>Reading snapshot details: web defaults, accepting enums as names or numbers.</summary>
    public static readonly JsonSerializerOptions Lenient = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: true) },
    };

    /// <summary>Progress records for the UI: web defaults with enums as camelCase names, nulls left out.</summary>
    public static readonly JsonSerializerOptions Progress = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
