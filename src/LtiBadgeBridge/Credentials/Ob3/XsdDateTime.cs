using System.Globalization;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>Credential timestamps: UTC, whole seconds, <c>Z</c> suffix (so JWT nbf/exp match them exactly).</summary>
public static class XsdDateTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
