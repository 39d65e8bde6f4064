using System.Text.Json;

namespace LtiBadgeBridge.Sync;

/// <summary>The JSON written into snapshot columns (<c>items.details</c>, catalogue details): web defaults, as the rules read them.</summary>
internal static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string ItemDetails(string? rubricId, bool gradedAsGroup = false) =>
        JsonSerializer.Serialize(new ItemDetails { RubricId = rubricId, GradedAsGroup = gradedAsGroup }, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}

/// <summary><c>items.details</c>: the item's rubric in the catalogue and whether it is graded as a group.</summary>
internal sealed record ItemDetails
{
    public string? RubricId { get; init; }

    public bool GradedAsGroup { get; init; }
}
