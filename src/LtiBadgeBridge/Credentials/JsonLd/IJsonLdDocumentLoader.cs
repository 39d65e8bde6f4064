using System.Text.Json;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>
/// Loads remote JSON-LD documents (contexts). Implementations used while signing or verifying must not touch
/// the network. Failures throw <see cref="JsonLdException"/> with <see cref="JsonLdErrorCodes.LoadingRemoteContextFailed"/>.
/// </summary>
public interface IJsonLdDocumentLoader
{
    /// <summary>Loads the document at an absolute URL.</summary>
    JsonLdRemoteDocument Load(string url);
}

/// <summary>A loaded document: the URL it was finally retrieved from and its parsed JSON.</summary>
public sealed record JsonLdRemoteDocument(string DocumentUrl, JsonElement Document);
