using System.Text.Json;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>
/// Recognises Moodle's errors, which arrive as HTTP 200 bodies: <c>{exception, errorcode, message}</c> from
/// web service functions and <c>{error, errorcode}</c> from file downloads.
/// </summary>
public static class MoodleErrors
{
    /// <summary>The error in <paramref name="root"/>, or null when it is a normal result.</summary>
    public static PlatformError? FromBody(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object ||
            !(root.TryGetProperty("exception", out _) || root.TryGetProperty("error", out _)) ||
            !root.TryGetProperty("errorcode", out var errorCodeElement))
        {
            return null;
        }

        var errorCode = errorCodeElement.ValueKind == JsonValueKind.String ? errorCodeElement.GetString() ?? string.Empty : errorCodeElement.ToString();
        var exception = String(root, "exception") ?? string.Empty;
        var message = String(root, "message") ?? String(root, "error") ?? errorCode;
        var debugInfo = String(root, "debuginfo") ?? string.Empty;
        return FromCodes(exception, errorCode, message, debugInfo);
    }

    /// <summary>Classifies by Moodle's exception class and error code.</summary>
    public static PlatformError FromCodes(string exception, string errorCode, string message, string debugInfo)
    {
        var (kind, code, text) = errorCode switch
        {
            "invalidtoken" => (PlatformErrorKind.TokenInvalid, PlatformErrorCodes.MoodleInvalidToken,
                "The Moodle web service token is invalid, expired or for a disabled service; the admin must create a new one."),
            "accessexception" when debugInfo.Contains("Access to the function", StringComparison.OrdinalIgnoreCase) =>
                (PlatformErrorKind.FunctionUnavailable, PlatformErrorCodes.MoodleFunctionNotInService,
                "A web service function this tool needs is not in the token's external service; the admin must add it."),
            "accessexception" => (PlatformErrorKind.NotAuthorized, PlatformErrorCodes.MoodleAccessException,
                "Moodle refused access (the function may be missing from the external service, or the service user is not allowed to use it)."),
            "nopermissions" or "requireloginerror" or "coursehidden" or "notenrolled" or "nopermission" =>
                (PlatformErrorKind.NotAuthorized, PlatformErrorCodes.MoodleMissingCapability,
                "The Moodle service user lacks a capability for this data. Moodle said: " + Truncate(message)),
            "invalidparameter" => (PlatformErrorKind.InvalidParameter, PlatformErrorCodes.MoodleInvalidParameter,
                "Moodle rejected a parameter. Moodle said: " + Truncate(message)),
            "invalidrecord" or "invalidrecordunknown" or "invalidcourseid" or "invalidcoursemodule" =>
                (PlatformErrorKind.NotFound, PlatformErrorCodes.MoodleNotFound,
                "Moodle no longer has this course or activity."),
            "sitemaintenance" => (PlatformErrorKind.Transient, PlatformErrorCodes.MoodleTransient,
                "Moodle is in maintenance mode; the sync will try again later."),
            _ when exception.Contains("required_capability", StringComparison.Ordinal) =>
                (PlatformErrorKind.NotAuthorized, PlatformErrorCodes.MoodleMissingCapability,
                "The Moodle service user lacks a capability for this data. Moodle said: " + Truncate(message)),
            _ when exception.Contains("invalid_parameter", StringComparison.Ordinal) =>
                (PlatformErrorKind.InvalidParameter, PlatformErrorCodes.MoodleInvalidParameter,
                "Moodle rejected a parameter. Moodle said: " + Truncate(message)),
            _ => (PlatformErrorKind.InvalidResponse, PlatformErrorCodes.MoodleError,
                $"Moodle reported an error ({errorCode}): {Truncate(message)}"),
        };
        return new PlatformError { Kind = kind, Code = code, Message = text, HttpStatus = 200, PlatformCode = errorCode };
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
