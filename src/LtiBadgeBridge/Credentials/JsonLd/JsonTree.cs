using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>
/// The internal JSON value model used by the processor: <see cref="Dictionary{TKey,TValue}"/> of string to object
/// for objects, <see cref="List{T}"/> of object for arrays, and string, double, bool or null for scalars.
/// Trees that come from the context cache are shared and must never be mutated.
/// </summary>
internal static class JsonTree
{
    public static Dictionary<string, object?> NewMap() => new(StringComparer.Ordinal);

    public static object? FromNode(JsonNode? node, int maxDepth, int depth = 0)
    {
        if (depth > maxDepth)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidInput, $"The JSON document nests deeper than {maxDepth} levels.");
        }

        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var map = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
                foreach (var (key, value) in obj)
                {
                    map[key] = FromNode(value, maxDepth, depth + 1);
                }

                return map;
            case JsonArray array:
                var list = new List<object?>(array.Count);
                foreach (var item in array)
                {
                    list.Add(FromNode(item, maxDepth, depth + 1));
                }

                return list;
            default:
                return node.GetValueKind() switch
                {
                    JsonValueKind.String => node.AsValue().TryGetValue<string>(out var text)
                        ? text
                        : JsonSerializer.Deserialize<string>(node.ToJsonString()),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => node.AsValue().TryGetValue<double>(out var number)
                        ? number
                        : double.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
                    _ => null,
                };
        }
    }

    public static object? FromElement(JsonElement element, int maxDepth, int depth = 0)
    {
        if (depth > maxDepth)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidInput, $"The JSON document nests deeper than {maxDepth} levels.");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromElement(property.Value, maxDepth, depth + 1);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromElement(item, maxDepth, depth + 1));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    public static bool IsScalar(object? value) => value is string or double or bool;

    public static List<object?> AsList(object? value) => value as List<object?> ?? [value];

    public static bool DeepEquals(object? a, object? b)
    {
        switch (a)
        {
            case null:
                return b is null;
            case string s:
                return b is string t && s == t;
            case double d:
                return b is double e && d.Equals(e);
            case bool x:
                return b is bool y && x == y;
            case List<object?> la:
                if (b is not List<object?> lb || la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], lb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case Dictionary<string, object?> ma:
                if (b is not Dictionary<string, object?> mb || ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var (key, value) in ma)
                {
                    if (!mb.TryGetValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        List<object?> list => new JsonArray([.. list.Select(ToNode)]),
        Dictionary<string, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value)))),
        _ => throw new InvalidOperationException($"Unexpected JSON tree value {value.GetType()}."),
    };
}
