namespace LtiBadgeBridge.Platforms.Canvas.OAuth;

/// <summary>
/// A Canvas OAuth2 token pair as the store keeps it (encrypted at rest by the store). Canvas keeps the
/// refresh token across refreshes, so a refresh returns the one it was given.
/// </summary>
public sealed record CanvasOAuthToken
{
    public required string AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    /// <summary>When the access token expires (from <c>expires_in</c> and the <see cref="TimeProvider"/>); null if Canvas did not say.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The Canvas user who authorised (the token acts as this user).</summary>
    public long? CanvasUserId { get; init; }

    public string? Scope { get; init; }

    /// <summary>True when the token has expired or will within <paramref name="margin"/>.</summary>
    public bool ExpiresWithin(TimeSpan margin, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ExpiresAt is { } expiresAt && expiresAt - margin <= timeProvider.GetUtcNow();
    }

    public override string ToString() => $"CanvasOAuthToken {{ CanvasUserId = {CanvasUserId}, ExpiresAt = {ExpiresAt:O} }}";
}
