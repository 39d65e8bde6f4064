namespace LtiBadgeBridge.Lti.Login;

/// <summary>What the host does after a successful login initiation: bind <see cref="State"/> to the browser
/// (a <c>__Host-</c> cookie, and when <see cref="LtiStorageTarget"/> is set also platform storage via
/// <c>lti.put_data</c>), then redirect to <see cref="AuthorizationRedirect"/>.</summary>
public sealed record LoginInitiationResult
{
    public required Uri AuthorizationRedirect { get; init; }

    public required string State { get; init; }

    public required string Nonce { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public string? LtiStorageTarget { get; init; }

    /// <summary>The origin of the authorization endpoint: the target origin for platform storage postMessage.</summary>
    public required string PlatformOrigin { get; init; }
}
