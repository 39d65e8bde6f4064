namespace LtiBadgeBridge.Platforms;

/// <summary>
/// What a caller should do about a failed LMS call. The sync decides on the kind; the
/// <see cref="PlatformError.Code"/> says precisely what happened.
/// </summary>
public enum PlatformErrorKind
{
    /// <summary>The token is invalid, expired or revoked: refresh once (Canvas OAuth2), then pause and ask a person.</summary>
    TokenInvalid,

    /// <summary>The token's user lacks a permission or capability: report it, do not retry.</summary>
    NotAuthorized,

    /// <summary>The function is not part of the token's web service (Moodle): the admin must add it.</summary>
    FunctionUnavailable,

    /// <summary>The course or object no longer exists (deleted course): stop syncing it, do not retry.</summary>
    NotFound,

    /// <summary>The LMS kept throttling after the bounded backoff: try again later.</summary>
    Throttled,

    /// <summary>A transient failure (5xx, timeout, connection) that survived the bounded retries: try again later.</summary>
    Transient,

    /// <summary>The LMS rejected a parameter: a bug or a misconfiguration, not retried.</summary>
    InvalidParameter,

    /// <summary>A paging link was refused (another host, or past the page cap).</summary>
    PagingRefused,

    /// <summary>The LMS answered with something this client does not understand.</summary>
    InvalidResponse,
}
