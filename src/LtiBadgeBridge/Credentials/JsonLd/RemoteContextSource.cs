using System.Collections.Concurrent;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>Remote contexts by URL, loaded once through the document loader and kept as shared JSON trees.</summary>
internal sealed class RemoteContextSource(IJsonLdDocumentLoader loader, int maxDepth)
{
    private readonly ConcurrentDictionary<string, (string DocumentUrl, object? Context)> _cache = new(StringComparer.Ordinal);

    public (string DocumentUrl, object? Context) Get(string url)
    {
        if (_cache.TryGetValue(url, out var cached))
        {
            return cached;
        }

        JsonLdRemoteDocument document;
        try
        {
            document = loader.Load(url);
        }
        catch (JsonLdException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingRemoteContextFailed, $"Loading the context {url} failed: {ex.Message}", ex);
        }

        var tree = JsonTree.FromElement(document.Document, maxDepth);
        if (tree is not Dictionary<string, object?> map || !map.TryGetValue("@context", out var context))
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidRemoteContext, $"The document at {url} has no top-level @context.");
        }

        var entry = (document.DocumentUrl, context);
        _cache.TryAdd(url, entry);
        return entry;
    }
}
