namespace LtiBadgeBridge.Lti.Launch;

/// <summary>What the host received on the launch (redirect) URI.</summary>
public sealed record LaunchRequest
{
    /// <summary>The posted <c>id_token</c>.</summary>
    public required string? IdToken { get; init; }

    /// <summary>The posted <c>state</c>.</summary>
    public required string? PostedState { get; init; }

    /// <summary>The state bound to this browser at login: the value of the state cookie, or the value the
    /// page read back from platform storage (<c>lti.get_data</c>) when cookies are blocked.</summary>
    public required string? BrowserState { get; init; }
}
