using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Rdf;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>
/// JSON-LD 1.1 expansion and conversion to RDF. One instance per document loader; thread-safe. Processed contexts
/// are memoized (per context URL list and per scoped context), so repeated documents with the same @context skip
/// context processing entirely.
/// </summary>
public sealed class JsonLdProcessor
{
    private const int MaxRootContexts = 64;
    private readonly ContextProcessor _contexts;
    private readonly ConcurrentDictionary<string, ActiveContext> _roots = new(StringComparer.Ordinal);
    private readonly int _maxDepth;

    /// <summary>Creates a processor that loads remote contexts through <paramref name="loader"/> only.</summary>
    public JsonLdProcessor(IJsonLdDocumentLoader loader, int maxRemoteContexts = 32, int maxDepth = 64)
    {
        ArgumentNullException.ThrowIfNull(loader);
        _maxDepth = maxDepth;
        _contexts = new ContextProcessor(new RemoteContextSource(loader, maxDepth), maxRemoteContexts);
    }

    /// <summary>Expands a document; returns the expanded form as a JSON array.</summary>
    public JsonArray Expand(JsonNode? document, JsonLdOptions? options = null)
    {
        var expanded = ExpandTree(JsonTree.FromNode(document, options?.MaxDepth ?? _maxDepth), options ?? new JsonLdOptions());
        return (JsonArray)JsonTree.ToNode(expanded)!;
    }

    /// <summary>Expands a document and converts it to an RDF dataset (quads, duplicates removed).</summary>
    public IReadOnlyList<Quad> ToRdf(JsonNode? document, JsonLdOptions? options = null)
    {
        options ??= new JsonLdOptions();
        var expanded = ExpandTree(JsonTree.FromNode(document, options.MaxDepth), options);
        var nodeMap = new NodeMapGenerator();
        nodeMap.Generate(expanded);
        return RdfSerializer.ToQuads(nodeMap);
    }

    /// <summary>Expands, converts to RDF and canonicalizes with RDFC-1.0 in one call.</summary>
    public CanonicalDataset Canonicalize(JsonNode? document, JsonLdOptions? options = null, Rdfc10Options? canonicalization = null) =>
        Rdfc10Canonicalizer.Canonicalize([.. ToRdf(document, options)], canonicalization);

    private List<object?> ExpandTree(object? document, JsonLdOptions options)
    {
        var active = Root(options.Base);
        if (options.ExpandContext is not null)
        {
            var expandContext = JsonTree.FromNode(options.ExpandContext, options.MaxDepth);
            if (expandContext is Dictionary<string, object?> map && map.TryGetValue("@context", out var inner))
            {
                expandContext = inner;
            }

            active = _contexts.Process(active, expandContext, options.Base, [], false, true, true);
        }

        var expander = new Expander(_contexts, options.Safe);
        var expanded = expander.Expand(active, null, document, options.Base);
        if (expanded is Dictionary<string, object?> only && only.Count == 1 && only.TryGetValue("@graph", out var graph))
        {
            expanded = graph;
        }

        return expanded switch
        {
            null => [],
            List<object?> list => list,
            _ => [expanded],
        };
    }

    private ActiveContext Root(string? baseIri)
    {
        var key = baseIri ?? string.Empty;
        if (_roots.TryGetValue(key, out var root))
        {
            return root;
        }

        root = new ActiveContext(baseIri);
        return _roots.Count < MaxRootContexts ? _roots.GetOrAdd(key, root) : root;
    }
}
