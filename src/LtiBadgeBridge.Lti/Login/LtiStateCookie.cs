namespace LtiBadgeBridge.Lti.Login;

/// <summary>Naming of the cookie that binds a login's state to the browser. One cookie per login (named from
/// the state) lets several tabs launch at once. Set it <c>Secure; HttpOnly; SameSite=None; Path=/</c> without a
/// Domain (the <c>__Host-</c> prefix demands that) and expire it with the login.</summary>
public static class LtiStateCookie
{
    public const string Prefix = "__Host-lti-state-";

    /// <summary>The cookie name for <paramref name="state"/> (a prefix of the state: the value is the full state).</summary>
    public static string NameFor(string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        var length = Math.Min(16, state.Length);
        foreach (var c in state.AsSpan(0, length))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                throw new ArgumentException("A state must be base64url text.", nameof(state));
            }
        }

        return Prefix + state[..length];
    }

    /// <summary>The cookie name to read at launch for the posted state, or null when the posted state is not
    /// something this tool could have issued.</summary>
    public static string? NameForPosted(string? postedState)
    {
        if (string.IsNullOrEmpty(postedState) || postedState.Length > 128)
        {
            return null;
        }

        foreach (var c in postedState)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return null;
            }
        }

        return NameFor(postedState);
    }
}
