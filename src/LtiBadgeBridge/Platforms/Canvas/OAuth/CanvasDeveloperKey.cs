namespace LtiBadgeBridge.Platforms.Canvas.OAuth;

/// <summary>
/// A Canvas API developer key, configured per platform by the Canvas admin: its client id (the key's
/// id), its secret, and the redirect URI registered on the key (matched exactly by Canvas).
/// </summary>
public sealed record CanvasDeveloperKey
{
    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public required Uri RedirectUri { get; init; }

    public override string ToString() => $"CanvasDeveloperKey {{ ClientId = {ClientId}, RedirectUri = {RedirectUri} }}";
}
