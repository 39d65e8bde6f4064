namespace LtiBadgeBridge.Launch;

/// <summary>The state and nonce issued at OIDC login initiation, waiting for the id_token POST.</summary>
public sealed record LaunchState
{
    public required string State { get; init; }
    public required string Nonce { get; init; }
    public long PlatformId { get; init; }
    public required string TargetLinkUri { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? ConsumedAt { get; init; }
}
