using System.Net;
using System.Text.Json;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>Turns a failed Canvas response into a <see cref="PlatformError"/> with a stable code.</summary>
public static class CanvasErrors
{
    /// <summary>Classifies a non-success response. <paramref name="notFoundCode"/> names what a 404 means here.</summary>
    public static async Task<PlatformError> ClassifyAsync(
        HttpResponseMessage response,
        string notFoundCode,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var canvasMessage = await ReadCanvasMessageAsync(response, cancellationToken);
        var suffix = canvasMessage is null ? string.Empty : $" Canvas said: \"{canvasMessage}\".";

        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized when HasBearerChallenge(response):
                return Error(PlatformErrorKind.TokenInvalid, PlatformErrorCodes.CanvasTokenInvalid, status,
                    "The Canvas access token is invalid, expired or revoked. Refresh it; if that fails, the course must be connected again.");
            case HttpStatusCode.Unauthorized:
                return Error(PlatformErrorKind.NotAuthorized, PlatformErrorCodes.CanvasNotAuthorized, status,
                    "The Canvas user who connected this course is not allowed to read this data." + suffix);
            case HttpStatusCode.Forbidden when await CanvasThrottleHandler.IsThrottledAsync(response, cancellationToken):
            case HttpStatusCode.TooManyRequests:
                return Error(PlatformErrorKind.Throttled, PlatformErrorCodes.CanvasThrottled, status,
                    "Canvas kept throttling requests (rate limit exceeded); the sync will try again later.")
                    with { RetryAfter = CanvasThrottleHandler.RetryAfterOf(response, timeProvider) };
            case HttpStatusCode.Forbidden:
                return Error(PlatformErrorKind.NotAuthorized, PlatformErrorCodes.CanvasNotAuthorized, status,
                    "Canvas refused access to this data." + suffix);
            case HttpStatusCode.NotFound:
                return Error(PlatformErrorKind.NotFound, notFoundCode, status,
                    notFoundCode == PlatformErrorCodes.CanvasCourseNotFound
                        ? "The course no longer exists in Canvas (it was deleted); it will not be synced any more."
                        : "Canvas no longer has this item (it was deleted).");
            case HttpStatusCode.BadRequest:
            case HttpStatusCode.UnprocessableEntity:
                return Error(PlatformErrorKind.InvalidParameter, PlatformErrorCodes.CanvasInvalidParameter, status,
                    "Canvas rejected the request's parameters." + suffix);
            case HttpStatusCode.RequestTimeout:
            case >= HttpStatusCode.InternalServerError:
                return Error(PlatformErrorKind.Transient, PlatformErrorCodes.CanvasTransient, status,
                    $"Canvas answered {status} after several attempts; the sync will try again later.");
            default:
                return Error(PlatformErrorKind.InvalidResponse, PlatformErrorCodes.CanvasInvalidResponse, status,
                    $"Canvas answered with an unexpected status {status}.");
        }
    }

    /// <summary>A transport failure (connection error, timeout, open circuit) that outlived the retries.</summary>
    public static PlatformError Transport(Exception exception) => new()
    {
        Kind = PlatformErrorKind.Transient,
        Code = PlatformErrorCodes.CanvasTransient,
        Message = $"Canvas could not be reached ({exception.GetType().Name}); the sync will try again later.",
    };

    /// <summary>A body that is not the JSON we expected.</summary>
    public static PlatformError InvalidJson(JsonException exception) => new()
    {
        Kind = PlatformErrorKind.InvalidResponse,
        Code = PlatformErrorCodes.CanvasInvalidResponse,
        Message = $"Canvas answered with JSON this client does not understand ({exception.Path ?? "root"}).",
    };

    /// <summary>True when a 401 carries <c>WWW-Authenticate: Bearer ...</c> (Canvas's invalid or expired token).</summary>
    public static bool HasBearerChallenge(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.WwwAuthenticate.Any(h => string.Equals(h.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var raw) &&
            raw.Any(v => v.TrimStart().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase));
    }

    private static PlatformError Error(PlatformErrorKind kind, string code, int status, string message) =>
        new() { Kind = kind, Code = code, Message = message, HttpStatus = status };

    private static async Task<string?> ReadCanvasMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(body) || body.Length > 64 * 1024 || body.TrimStart()[0] != '{')
            {
                return null;
            }

            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) &&
                errors.ValueKind == JsonValueKind.Array &&
                errors.GetArrayLength() > 0 &&
                errors[0].TryGetProperty("message", out var message) &&
                message.ValueKind == JsonValueKind.String)
            {
                var text = message.GetString();
                return text is { Length: > 200 } ? text[..200] : text;
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
