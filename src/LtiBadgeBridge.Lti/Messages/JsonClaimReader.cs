using System.Globalization;
using System.Text.Json;

namespace LtiBadgeBridge.Lti.Messages;

/// <summary>Shape-tolerant reads of JSON claims: a wrong shape yields null, never an exception.</summary>
internal static class JsonClaimReader
{
    public static JsonElement? Object(this JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static string? String(this JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    public static string? NonEmptyString(this JsonElement parent, string name)
    {
        var value = parent.String(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>An array of strings (non-string entries skipped); a lone string becomes a one-item list.</summary>
    public static IReadOnlyList<string>? Strings(this JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var single = value.GetString();
            return string.IsNullOrEmpty(single) ? [] : [single];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    public static bool? Bool(this JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    public static int? Int(this JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>A NumericDate (seconds since the epoch); fractional values are truncated.</summary>
    public static long? NumericDate(this JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetInt64(out var seconds))
        {
            return seconds;
        }

        return value.TryGetDouble(out var fractional) && double.IsFinite(fractional) && Math.Abs(fractional) < 1e15
            ? (long)fractional
            : null;
    }

    public static Uri? AbsoluteUri(this JsonElement parent, string name) =>
        Uri.TryCreate(parent.String(name), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
}
