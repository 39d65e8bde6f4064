using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>
/// The pinned JSON-LD context cache: a directory of context documents, each checked against
/// <see cref="PinnedContexts"/> by SHA-256 when written and again when read. <see cref="Load"/> never touches the
/// network; the cache is filled by <see cref="ImportDirectory"/> (offline) or <see cref="FetchAsync"/> (once).
/// Thread-safe.
/// </summary>
public sealed class ContextCache : IJsonLdDocumentLoader
{
    /// <summary>The command an operator runs to fill the cache offline.</summary>
    public const string ImportCommand = "LtiBadgeBridge.Web contexts import <dir>";

    private readonly ContextCacheOptions _options;
    private readonly ConcurrentDictionary<string, JsonLdRemoteDocument> _loaded = new(StringComparer.Ordinal);

    /// <summary>Creates a cache over <see cref="ContextCacheOptions.Directory"/> (created on first write).</summary>
    public ContextCache(ContextCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The cache directory.</summary>
    public string Directory => _options.Directory;

    /// <summary>Pinned contexts not yet in the cache directory.</summary>
    public IReadOnlyList<string> MissingContexts() =>
        [.. PinnedContexts.All.Where(c => !File.Exists(PathFor(c))).Select(c => c.Url)];

    /// <summary>
    /// Imports every pinned context found in <paramref name="sourceDirectory"/> (files named by
    /// <see cref="PinnedContexts.FileNameFor"/>, or as its <c>contexts.json</c> index says). Each file is hash-checked;
    /// a mismatch is refused and nothing is written for it.
    /// </summary>
    public ContextImportReport ImportDirectory(string sourceDirectory)
    {
        var indexed = ReadIndex(sourceDirectory);
        var imported = new List<string>();
        var refused = new List<ContextRefusal>();
        var missing = new List<string>();
        foreach (var pinned in PinnedContexts.All)
        {
            var candidates = new[] { indexed.GetValueOrDefault(pinned.Url), pinned.FileName };
            var path = candidates.Where(n => n is not null).Select(n => Path.Combine(sourceDirectory, n!)).FirstOrDefault(File.Exists);
            if (path is null)
            {
                missing.Add(pinned.Url);
                continue;
            }

            var info = new FileInfo(path);
            if (info.Length > _options.MaxDocumentBytes)
            {
                refused.Add(new ContextRefusal(pinned.Url, "too_large", $"{path} is larger than {_options.MaxDocumentBytes} bytes."));
                continue;
            }

            var refusal = Accept(pinned, File.ReadAllBytes(path));
            if (refusal is null)
            {
                imported.Add(pinned.Url);
            }
            else
            {
                refused.Add(refusal);
            }
        }

        return new ContextImportReport { Imported = imported, Refused = refused, Missing = missing };
    }

    /// <summary>Fetches one pinned context from its canonical URL (hash-checked) and stores it.</summary>
    public async Task<ContextRefusal?> FetchAsync(string url, HttpClient httpClient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (!PinnedContexts.TryGet(url, out var pinned))
        {
            return new ContextRefusal(url, "not_pinned", $"{url} is not a pinned context.");
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/ld+json, application/json;q=0.9");
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new ContextRefusal(url, "fetch_failed", $"GET {url} returned {(int)response.StatusCode}.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > _options.MaxDocumentBytes)
                {
                    return new ContextRefusal(url, "too_large", $"{url} is larger than {_options.MaxDocumentBytes} bytes.");
                }
            }

            return Accept(pinned, buffer.ToArray());
        }
        catch (HttpRequestException ex)
        {
            return new ContextRefusal(url, "fetch_failed", $"GET {url} failed: {ex.Message}");
        }
    }

    /// <summary>Fetches every pinned context that is not cached yet.</summary>
    public async Task<ContextImportReport> FetchMissingAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        var imported = new List<string>();
        var refused = new List<ContextRefusal>();
        foreach (var url in MissingContexts())
        {
            var refusal = await FetchAsync(url, httpClient, cancellationToken);
            if (refusal is null)
            {
                imported.Add(url);
            }
            else
            {
                refused.Add(refusal);
            }
        }

        return new ContextImportReport { Imported = imported, Refused = refused, Missing = [] };
    }

    /// <summary>Loads a pinned context from the cache directory; never from the network. Fails closed.</summary>
    public JsonLdRemoteDocument Load(string url)
    {
        if (_loaded.TryGetValue(url, out var document))
        {
            return document;
        }

        if (!PinnedContexts.TryGet(url, out var pinned))
        {
            throw new JsonLdException(
                JsonLdErrorCodes.LoadingRemoteContextFailed,
                $"The JSON-LD context {url} is not one of the pinned contexts; it will not be loaded.");
        }

        var path = PathFor(pinned);
        if (!File.Exists(path))
        {
            throw new JsonLdException(
                JsonLdErrorCodes.LoadingRemoteContextFailed,
                $"The JSON-LD context {url} is not in the context cache ({_options.Directory}). " +
                $"Import the pinned contexts with `{ImportCommand}`.");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > _options.MaxDocumentBytes || !HashMatches(pinned, bytes))
        {
            throw new JsonLdException(
                JsonLdErrorCodes.LoadingRemoteContextFailed,
                $"The cached copy of {url} ({path}) does not match its pinned SHA-256; delete it and run `{ImportCommand}` again.");
        }

        document = new JsonLdRemoteDocument(url, Parse(bytes).RootElement.Clone());
        return _loaded.GetOrAdd(url, document);
    }

    private ContextRefusal? Accept(PinnedContext pinned, byte[] bytes)
    {
        if (!HashMatches(pinned, bytes))
        {
            return new ContextRefusal(pinned.Url, "hash_mismatch", $"The bytes for {pinned.Url} do not have the pinned SHA-256 {pinned.Sha256}.");
        }

        try
        {
            using var parsed = Parse(bytes);
        }
        catch (JsonException ex)
        {
            return new ContextRefusal(pinned.Url, "invalid_json", $"{pinned.Url} is not usable JSON: {ex.Message}");
        }

        System.IO.Directory.CreateDirectory(_options.Directory);
        var target = PathFor(pinned);
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, target, overwrite: true);
        _loaded.TryRemove(pinned.Url, out _);
        return null;
    }

    private JsonDocument Parse(byte[] bytes) =>
        JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = _options.MaxDepth });

    private static bool HashMatches(PinnedContext pinned, byte[] bytes) =>
        string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), pinned.Sha256, StringComparison.Ordinal);

    private string PathFor(PinnedContext pinned) => Path.Combine(_options.Directory, pinned.FileName);

    private static Dictionary<string, string> ReadIndex(string sourceDirectory)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var indexPath = Path.Combine(sourceDirectory, "contexts.json");
        if (!File.Exists(indexPath))
        {
            return result;
        }

        using var index = JsonDocument.Parse(File.ReadAllBytes(indexPath));
        if (index.RootElement.TryGetProperty("contexts", out var contexts) && contexts.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in contexts.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object &&
                    entry.Value.TryGetProperty("file", out var file) && file.GetString() is { } name &&
                    name == Path.GetFileName(name))
                {
                    result[entry.Name] = name;
                }
            }
        }

        return result;
    }
}
