using System.Text.Json;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Testing;

namespace LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;

/// <summary>Serves the W3C JSON-LD test suite's own files (https://w3c.github.io/json-ld-api/tests/...) from the vectors folder.</summary>
internal sealed class SuiteDocumentLoader : IJsonLdDocumentLoader
{
    public const string SuiteBase = "https://w3c.github.io/json-ld-api/tests/";

    public JsonLdRemoteDocument Load(string url)
    {
        if (!url.StartsWith(SuiteBase, StringComparison.Ordinal))
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingRemoteContextFailed, $"The suite loader does not serve {url}.");
        }

        var path = TestVectors.Path("jsonld-tordf", url[SuiteBase.Length..].Split('#')[0]);
        if (!File.Exists(path))
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingRemoteContextFailed, $"No suite file for {url}.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new JsonLdRemoteDocument(url, document.RootElement.Clone());
    }
}
