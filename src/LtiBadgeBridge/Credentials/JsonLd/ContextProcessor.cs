namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>JSON-LD 1.1 Context Processing (API §4.1) and IRI Expansion (§4.5). Thread-safe.</summary>
internal sealed partial class ContextProcessor(RemoteContextSource remote, int maxRemoteContexts)
{
    private const int MaxDerivedPerContext = 512;

    /// <summary>Processes a local context, memoizing the result on <paramref name="active"/> when a key is given.</summary>
    public ActiveContext ProcessCached(
        ActiveContext active,
        object? local,
        string? baseUrl,
        object? cacheKey,
        bool overrideProtected = false,
        bool propagate = true)
    {
        if (cacheKey is null)
        {
            return Process(active, local, baseUrl, [], overrideProtected, propagate, validateScopedContext: true);
        }

        var key = new ActiveContext.DerivedKey(cacheKey, baseUrl, overrideProtected, propagate);
        if (active.Derived.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = Process(active, local, baseUrl, [], overrideProtected, propagate, validateScopedContext: true);
        if (active.Derived.Count < MaxDerivedPerContext)
        {
            active.Derived.TryAdd(key, result);
        }

        return result;
    }

    /// <summary>A cache key for a document's own @context: the URL or URL list; null for inline maps.</summary>
    public static object? KeyOf(object? local) => local switch
    {
        string s => "url:" + s,
        List<object?> list when list.TrueForAll(i => i is string) => "urls:" + string.Join('\n', list.Cast<string>()),
        _ => null,
    };

    public ActiveContext Process(
        ActiveContext active,
        object? local,
        string? baseUrl,
        List<string> remoteContexts,
        bool overrideProtected,
        bool propagate,
        bool validateScopedContext)
    {
        var result = active.Clone();
        if (local is Dictionary<string, object?> localMap && localMap.TryGetValue("@propagate", out var propagateValue))
        {
            propagate = propagateValue is bool b
                ? b
                : throw new JsonLdException(JsonLdErrorCodes.InvalidAtPropagate, "@propagate must be true or false.");
        }

        if (!propagate && result.PreviousContext is null)
        {
            result.PreviousContext = active;
        }

        foreach (var context in JsonTree.AsList(local))
        {
            switch (context)
            {
                case null:
                    if (!overrideProtected && result.HasProtectedTerms)
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidContextNullification, "A context with protected terms cannot be nullified.");
                    }

                    var previous = result;
                    result = active.NewInitial();
                    if (!propagate)
                    {
                        result.PreviousContext = previous;
                    }

                    continue;
                case string reference:
                    result = ProcessRemote(result, reference, baseUrl, remoteContexts, validateScopedContext);
                    continue;
                case Dictionary<string, object?> map:
                    ProcessMap(result, map, baseUrl, remoteContexts, overrideProtected, validateScopedContext);
                    continue;
                default:
                    throw new JsonLdException(JsonLdErrorCodes.InvalidLocalContext, "A local context must be a map, a string or null.");
            }
        }

        return result;
    }

    private ActiveContext ProcessRemote(ActiveContext result, string reference, string? baseUrl, List<string> remoteContexts, bool validateScopedContext)
    {
        var url = IriResolver.Resolve(baseUrl, reference);
        if (!IriResolver.IsAbsolute(url))
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingRemoteContextFailed, $"The context reference '{reference}' is not an absolute IRI.");
        }

        if (!validateScopedContext && remoteContexts.Contains(url))
        {
            return result;
        }

        if (remoteContexts.Count >= maxRemoteContexts)
        {
            throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"More than {maxRemoteContexts} remote contexts were referenced.");
        }

        remoteContexts.Add(url);
        var (documentUrl, loaded) = remote.Get(url);
        return Process(result, loaded, documentUrl, [.. remoteContexts], overrideProtected: false, propagate: true, validateScopedContext);
    }

    private void ProcessMap(
        ActiveContext result,
        Dictionary<string, object?> context,
        string? baseUrl,
        List<string> remoteContexts,
        bool overrideProtected,
        bool validateScopedContext)
    {
        if (context.TryGetValue("@version", out var version) && version is not 1.1)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidAtVersion, "@version must be 1.1.");
        }

        if (context.TryGetValue("@import", out var import))
        {
            if (import is not string importReference)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidAtImport, "@import must be a string.");
            }

            var importUrl = IriResolver.Resolve(baseUrl, importReference);
            var (_, imported) = remote.Get(importUrl);
            if (imported is not Dictionary<string, object?> importedMap)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidRemoteContext, $"The imported context {importUrl} is not a map.");
            }

            if (importedMap.ContainsKey("@import"))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidContextEntry, "An imported context may not itself use @import.");
            }

            var merged = new Dictionary<string, object?>(importedMap, StringComparer.Ordinal);
            foreach (var (key, value) in context)
            {
                merged[key] = value;
            }

            merged.Remove("@import");
            context = merged;
        }

        if (context.TryGetValue("@base", out var baseValue) && remoteContexts.Count == 0)
        {
            switch (baseValue)
            {
                case null:
                    result.BaseIri = null;
                    break;
                case string s when IriResolver.IsAbsolute(s):
                    result.BaseIri = s;
                    break;
                case string s when result.BaseIri is not null:
                    result.BaseIri = IriResolver.Resolve(result.BaseIri, s);
                    break;
                default:
                    throw new JsonLdException(JsonLdErrorCodes.InvalidBaseIri, "@base must be an IRI or null.");
            }
        }

        if (context.TryGetValue("@vocab", out var vocab))
        {
            result.Vocab = vocab switch
            {
                null => null,
                string s => ExpandIri(result, s, documentRelative: true, vocab: true, null, null),
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidVocabMapping, "@vocab must be an IRI, a blank node identifier or null."),
            };
        }

        if (context.TryGetValue("@language", out var language))
        {
            result.DefaultLanguage = language switch
            {
                null => null,
                string s => s,
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidDefaultLanguage, "@language must be a string or null."),
            };
        }

        if (context.TryGetValue("@direction", out var direction))
        {
            result.DefaultDirection = direction switch
            {
                null => null,
                "ltr" or "rtl" => (string)direction,
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null."),
            };
        }

        if (context.TryGetValue("@propagate", out var propagate) && propagate is not bool)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidAtPropagate, "@propagate must be true or false.");
        }

        var isProtected = false;
        if (context.TryGetValue("@protected", out var protectedValue))
        {
            isProtected = protectedValue is bool p
                ? p
                : throw new JsonLdException(JsonLdErrorCodes.InvalidAtProtected, "@protected must be true or false.");
        }

        var defined = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var key in context.Keys)
        {
            if (key is "@base" or "@direction" or "@import" or "@language" or "@propagate" or "@protected" or "@version" or "@vocab")
            {
                continue;
            }

            CreateTermDefinition(result, context, key, defined, baseUrl, isProtected, overrideProtected, remoteContexts, validateScopedContext);
        }
    }

    /// <summary>IRI Expansion (API §4.5) without a local context.</summary>
    public static string? ExpandIri(ActiveContext active, string? value, bool documentRelative, bool vocab) =>
        ExpandIriCore(active, value, documentRelative, vocab, null, null, null);

    private string? ExpandIri(
        ActiveContext active,
        string? value,
        bool documentRelative,
        bool vocab,
        Dictionary<string, object?>? local,
        Dictionary<string, bool>? defined,
        Action<string>? define = null) =>
        ExpandIriCore(active, value, documentRelative, vocab, local, defined, define);

    private static string? ExpandIriCore(
        ActiveContext active,
        string? value,
        bool documentRelative,
        bool vocab,
        Dictionary<string, object?>? local,
        Dictionary<string, bool>? defined,
        Action<string>? define)
    {
        if (value is null || JsonLdKeywords.IsKeyword(value))
        {
            return value;
        }

        if (JsonLdKeywords.HasKeywordForm(value))
        {
            return null;
        }

        if (local is not null && define is not null && local.ContainsKey(value) &&
            (!defined!.TryGetValue(value, out var done) || !done))
        {
            define(value);
        }

        var hasTerm = active.Terms.TryGetValue(value, out var definition);
        if (hasTerm && definition?.IriMapping is { } mapped && JsonLdKeywords.IsKeyword(mapped))
        {
            return mapped;
        }

        if (vocab && hasTerm)
        {
            return definition?.IriMapping;
        }

        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            if (local is not null && define is not null && local.ContainsKey(prefix) &&
                (!defined!.TryGetValue(prefix, out var prefixDone) || !prefixDone))
            {
                define(prefix);
            }

            if (active.Terms.TryGetValue(prefix, out var prefixDefinition) &&
                prefixDefinition?.IriMapping is { } prefixIri && prefixDefinition.Prefix)
            {
                return prefixIri + suffix;
            }

            if (IriResolver.IsAbsolute(value))
            {
                return value;
            }
        }

        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }

        if (documentRelative)
        {
            return IriResolver.Resolve(active.BaseIri, value);
        }

        return value;
    }
}
