using LtiBadgeBridge.Lti.Login;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>
/// The cookies of the LTI door. Over HTTPS: <c>__Host-</c> names, <c>Secure; HttpOnly; SameSite=None; Path=/</c>.
/// Over plain http (loopback development only) the <c>__Host-</c> prefix and <c>Secure</c> are impossible, so
/// the names drop the prefix and the cookies are <c>SameSite=Lax</c>: they come back on the launch POST only
/// when the LMS runs on the same site (e.g. both on localhost); otherwise platform storage carries the state.
/// </summary>
internal static class LtiCookies
{
    public const string SessionSecure = "__Host-ltibb-session";
    public const string SessionPlain = "ltibb-session";

    public static string StateName(string state, bool https) =>
        https ? LtiStateCookie.NameFor(state) : PlainName(LtiStateCookie.NameFor(state));

    /// <summary>The state cookie name to read for a posted state, or null when the state is not well-formed.</summary>
    public static string? StateNameForPosted(string? postedState, bool https) =>
        LtiStateCookie.NameForPosted(postedState) is { } name ? https ? name : PlainName(name) : null;

    public static string SessionName(bool https) => https ? SessionSecure : SessionPlain;

    public static CookieOptions Options(bool https, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        Secure = https,
        SameSite = https ? SameSiteMode.None : SameSiteMode.Lax,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };

    private static string PlainName(string hostName) => hostName[LtiStateCookie.Prefix.Length..].Insert(0, "lti-state-");
}
