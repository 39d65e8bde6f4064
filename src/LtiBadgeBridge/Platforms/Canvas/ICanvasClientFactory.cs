namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>Builds Canvas clients for a Canvas host and the OAuth2 access token of the user who connected the course.</summary>
public interface ICanvasClientFactory
{
    /// <param name="canvasBaseUrl">The institution's Canvas root, e.g. <c>https://school.instructure.com</c>.</param>
    /// <param name="accessToken">A decrypted OAuth2 access token; never logged.</param>
    ICanvasClient Create(Uri canvasBaseUrl, string accessToken);
}
