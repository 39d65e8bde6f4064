namespace LtiBadgeBridge.Platforms;

/// <summary>The stable error codes of the LMS clients, defined once.</summary>
public static class PlatformErrorCodes
{
    // Canvas REST
    public const string CanvasTokenInvalid = "canvas.token_invalid";
    public const string CanvasNotAuthorized = "canvas.not_authorized";
    public const string CanvasCourseNotFound = "canvas.course_not_found";
    public const string CanvasNotFound = "canvas.not_found";
    public const string CanvasThrottled = "canvas.throttled";
    public const string CanvasTransient = "canvas.transient";
    public const string CanvasInvalidParameter = "canvas.invalid_parameter";
    public const string CanvasInvalidResponse = "canvas.invalid_response";

    // Canvas OAuth2
    public const string CanvasOAuthInvalidGrant = "canvas.oauth.invalid_grant";
    public const string CanvasOAuthInvalidClient = "canvas.oauth.invalid_client";
    public const string CanvasOAuthFailed = "canvas.oauth.failed";

    // Moodle web services
    public const string MoodleInvalidToken = "moodle.invalid_token";
    public const string MoodleAccessException = "moodle.access_exception";
    public const string MoodleMissingCapability = "moodle.missing_capability";
    public const string MoodleFunctionNotInService = "moodle.function_not_in_service";
    public const string MoodleInvalidParameter = "moodle.invalid_parameter";
    public const string MoodleNotFound = "moodle.not_found";
    public const string MoodleError = "moodle.error";
    public const string MoodleTransient = "moodle.transient";
    public const string MoodleInvalidResponse = "moodle.invalid_response";

    // LTI Names and Role Provisioning Services (any platform)
    public const string NrpsFailed = "nrps.failed";

    // Paging (both platforms)
    public const string PagingOtherHost = "paging.other_host";
    public const string PagingCapReached = "paging.cap_reached";
}
