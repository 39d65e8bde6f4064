using LtiBadgeBridge.Credentials.Baking;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>
/// Badge images for the form: built-in plain badges (a coloured circle, as a PNG data URI) and uploaded
/// images kept small and inline as data URIs in the definition (no separate storage; the definition's
/// <c>image</c> accepts <c>data:image/...</c>).
/// </summary>
public static class BadgeImages
{
    /// <summary>The largest upload accepted, in bytes: the image lives in every stored version and credential.</summary>
    public const int MaxUploadBytes = 256 * 1024;

    public static readonly IReadOnlyList<BuiltInBadge> BuiltIn =
    [
        new("blue", "Blue", 0x1F5F8B),
        new("green", "Green", 0x2E7D32),
        new("purple", "Purple", 0x5E35B1),
        new("orange", "Orange", 0xB85C00),
        new("red", "Red", 0xB3261E),
    ];

    /// <summary>The data URI of a built-in badge, or null for an unknown key.</summary>
    public static string? BuiltInDataUri(string? key)
    {
        var badge = BuiltIn.FirstOrDefault(b => string.Equals(b.Key, key, StringComparison.Ordinal));
        return badge is null ? null : "data:image/png;base64," + Convert.ToBase64String(DefaultBadgeImage.Png(128, badge.Rgb));
    }

    /// <summary>An uploaded image as a data URI, or a message saying why not (size, type).</summary>
    public static (string? DataUri, string? Error) FromUpload(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return (null, "the uploaded file is empty");
        }

        if (content.Length > MaxUploadBytes)
        {
            return (null, $"the image is {content.Length / 1024} KB; upload one of at most {MaxUploadBytes / 1024} KB");
        }

        var type = Sniff(content);
        return type is null
            ? (null, "upload a PNG, JPEG or SVG image")
            : ("data:" + type + ";base64," + Convert.ToBase64String(content), null);
    }

    private static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        var head = System.Text.Encoding.UTF8.GetString(content[..Math.Min(content.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return (head.StartsWith("<svg", StringComparison.Ordinal) || (head.StartsWith("<?xml", StringComparison.Ordinal) && head.Contains("<svg", StringComparison.Ordinal)))
            ? "image/svg+xml"
            : null;
    }
}

/// <summary>A built-in badge image choice.</summary>
public sealed record BuiltInBadge(string Key, string Label, int Rgb);
