namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>Create Term Definition (API §4.2).</summary>
internal sealed partial class ContextProcessor
{
    private static readonly HashSet<string> ContainerKeywords =
        new(["@graph", "@id", "@index", "@language", "@list", "@set", "@type"], StringComparer.Ordinal);

    private static readonly HashSet<string> TermDefinitionKeys = new(
        ["@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type"],
        StringComparer.Ordinal);

    private void CreateTermDefinition(
        ActiveContext active,
        Dictionary<string, object?> local,
        string term,
        Dictionary<string, bool> defined,
        string? baseUrl,
        bool isProtected,
        bool overrideProtected,
        List<string> remoteContexts,
        bool validateScopedContext)
    {
        if (defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }

            throw new JsonLdException(JsonLdErrorCodes.CyclicIriMapping, $"The term '{term}' is defined in terms of itself.");
        }

        if (term.Length == 0)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, "The empty string is not a valid term.");
        }

        defined[term] = false;
        var value = local[term];

        if (term == "@type" && value is Dictionary<string, object?> typeMap &&
            typeMap.Count > 0 &&
            typeMap.All(p => (p.Key == "@container" && p.Value is "@set") || p.Key == "@protected"))
        {
            // @type may be given @container: @set and @protected (JSON-LD 1.1).
        }
        else if (JsonLdKeywords.IsKeyword(term))
        {
            throw new JsonLdException(JsonLdErrorCodes.KeywordRedefinition, $"The keyword {term} cannot be redefined.");
        }
        else if (JsonLdKeywords.HasKeywordForm(term))
        {
            defined[term] = true;
            return;
        }

        var previous = active.Term(term);
        var hadPrevious = active.Terms.Remove(term);

        bool simpleTerm;
        Dictionary<string, object?> map;
        switch (value)
        {
            case null:
                map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = null };
                simpleTerm = false;
                break;
            case string s:
                map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = s };
                simpleTerm = true;
                break;
            case Dictionary<string, object?> m:
                map = m;
                simpleTerm = false;
                break;
            default:
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"The definition of '{term}' must be a string, a map or null.");
        }

        var definition = new TermDefinition { Protected = isProtected };
        if (map.TryGetValue("@protected", out var protectedValue))
        {
            definition.Protected = protectedValue is bool p
                ? p
                : throw new JsonLdException(JsonLdErrorCodes.InvalidAtProtected, "@protected must be true or false.");
        }

        if (map.ContainsKey("@prefix") && (term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal)))
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"The term '{term}' cannot be a prefix.");
        }

        void Define(string name) =>
            CreateTermDefinition(active, local, name, defined, baseUrl, isProtected, overrideProtected, remoteContexts, validateScopedContext);

        if (map.TryGetValue("@type", out var typeValue))
        {
            if (typeValue is not string typeString)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTypeMapping, $"The @type of '{term}' must be a string.");
            }

            var type = ExpandIri(active, typeString, documentRelative: false, vocab: true, local, defined, Define);
            if (type is null || (type is not ("@id" or "@json" or "@none" or "@vocab") && !IriResolver.IsAbsolute(type)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTypeMapping, $"The @type of '{term}' is not an IRI or a type keyword.");
            }

            definition.TypeMapping = type;
        }

        if (map.TryGetValue("@reverse", out var reverseValue))
        {
            if (map.ContainsKey("@id") || map.ContainsKey("@nest"))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidReverseProperty, $"The reverse property '{term}' may not have @id or @nest.");
            }

            if (reverseValue is not string reverseString)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"The @reverse of '{term}' must be a string.");
            }

            if (JsonLdKeywords.HasKeywordForm(reverseString))
            {
                defined[term] = true;
                return;
            }

            var reverseIri = ExpandIri(active, reverseString, documentRelative: false, vocab: true, local, defined, Define);
            if (reverseIri is null || !(IriResolver.IsAbsolute(reverseIri) || reverseIri.StartsWith("_:", StringComparison.Ordinal)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"The @reverse of '{term}' is not an IRI.");
            }

            definition.IriMapping = reverseIri;
            if (map.TryGetValue("@container", out var reverseContainer))
            {
                if (reverseContainer is not (null or "@set" or "@index"))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidReverseProperty, $"The reverse property '{term}' may only use @set or @index containers.");
                }

                if (reverseContainer is string rc)
                {
                    definition.Container = new HashSet<string>([rc], StringComparer.Ordinal);
                }
            }

            if (map.TryGetValue("@index", out var reverseIndex))
            {
                if (reverseIndex is not string reverseIndexString || definition.Container?.Contains("@index") != true)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"The @index of '{term}' is not valid.");
                }

                definition.Index = reverseIndexString;
            }

            definition.Reverse = true;
            Store(active, term, definition, defined, previous, hadPrevious, overrideProtected);
            return;
        }

        if (map.TryGetValue("@id", out var idValue) && !(idValue is string same && same == term))
        {
            if (idValue is null)
            {
                definition.IriMapping = null;
            }
            else
            {
                if (idValue is not string idString)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"The @id of '{term}' must be a string.");
                }

                if (!JsonLdKeywords.IsKeyword(idString) && JsonLdKeywords.HasKeywordForm(idString))
                {
                    defined[term] = true;
                    return;
                }

                var iri = ExpandIri(active, idString, documentRelative: false, vocab: true, local, defined, Define);
                if (iri is null || !(JsonLdKeywords.IsKeyword(iri) || IriResolver.IsAbsolute(iri) || iri.StartsWith("_:", StringComparison.Ordinal)))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"The @id of '{term}' is not an IRI, a blank node or a keyword.");
                }

                if (iri == "@context")
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidKeywordAlias, "@context cannot be aliased.");
                }

                definition.IriMapping = iri;
                var innerColon = term.IndexOf(':', 1) is var c && c > 0 && c < term.Length - 1;
                if (innerColon || term.Contains('/', StringComparison.Ordinal))
                {
                    defined[term] = true;
                    var termIri = ExpandIri(active, term, documentRelative: false, vocab: true, local, defined, Define);
                    if (termIri != iri)
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"The term '{term}' looks like an IRI that differs from its @id.");
                    }
                }

                if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simpleTerm &&
                    (iri.StartsWith("_:", StringComparison.Ordinal) || iri[^1] is ':' or '/' or '?' or '#' or '[' or ']' or '@'))
                {
                    definition.Prefix = true;
                }
            }
        }
        else if (term.IndexOf(':', 1) > 0)
        {
            var colon = term.IndexOf(':', 1);
            var prefix = term[..colon];
            if (local.ContainsKey(prefix))
            {
                Define(prefix);
            }

            if (active.Terms.TryGetValue(prefix, out var prefixDefinition) && prefixDefinition?.IriMapping is { } prefixIri)
            {
                definition.IriMapping = prefixIri + term[(colon + 1)..];
            }
            else
            {
                definition.IriMapping = term;
            }
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            var iri = ExpandIri(active, term, documentRelative: false, vocab: true, local, defined, Define);
            if (iri is null || !IriResolver.IsAbsolute(iri))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"The term '{term}' does not expand to an IRI.");
            }

            definition.IriMapping = iri;
        }
        else if (term == "@type")
        {
            definition.IriMapping = "@type";
        }
        else if (active.Vocab is not null)
        {
            definition.IriMapping = active.Vocab + term;
        }
        else
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"The term '{term}' has no IRI mapping and there is no @vocab.");
        }

        if (map.TryGetValue("@container", out var containerValue))
        {
            definition.Container = ValidateContainer(term, containerValue);
            if (definition.Container.Contains("@type"))
            {
                definition.TypeMapping ??= "@id";
                if (definition.TypeMapping is not ("@id" or "@vocab"))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidTypeMapping, $"A @type container on '{term}' needs @type @id or @vocab.");
                }
            }
        }

        if (map.TryGetValue("@index", out var indexValue))
        {
            if (definition.Container is null || !definition.Container.Contains("@index"))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"@index on '{term}' needs an @index container.");
            }

            if (indexValue is not string indexString || JsonLdKeywords.IsKeyword(indexString) ||
                ExpandIri(active, indexString, documentRelative: false, vocab: true, local, defined, Define) is not { } indexIri ||
                !IriResolver.IsAbsolute(indexIri))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"The @index of '{term}' must be a property IRI.");
            }

            definition.Index = indexString;
        }

        if (map.TryGetValue("@context", out var scoped))
        {
            try
            {
                Process(active, scoped, baseUrl, [.. remoteContexts], overrideProtected: true, propagate: true, validateScopedContext: false);
            }
            catch (JsonLdException ex)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidScopedContext, $"The scoped context of '{term}' is invalid: {ex.Message}", ex);
            }

            definition.Context = scoped;
            definition.HasContext = true;
            definition.BaseUrl = baseUrl;
        }

        if (map.TryGetValue("@language", out var languageValue) && !map.ContainsKey("@type"))
        {
            if (languageValue is not (null or string))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageMapping, $"The @language of '{term}' must be a string or null.");
            }

            definition.HasLanguage = true;
            definition.Language = (string?)languageValue;
        }

        if (map.TryGetValue("@direction", out var directionValue) && !map.ContainsKey("@type"))
        {
            if (directionValue is not (null or "ltr" or "rtl"))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidBaseDirection, $"The @direction of '{term}' must be \"ltr\", \"rtl\" or null.");
            }

            definition.HasDirection = true;
            definition.Direction = (string?)directionValue;
        }

        if (map.TryGetValue("@nest", out var nestValue))
        {
            if (nestValue is not string nestString || (JsonLdKeywords.IsKeyword(nestString) && nestString != "@nest"))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidAtNest, $"The @nest of '{term}' must be a term or @nest.");
            }

            definition.Nest = nestString;
        }

        if (map.TryGetValue("@prefix", out var prefixValue))
        {
            if (term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"The term '{term}' cannot be a prefix.");
            }

            definition.Prefix = prefixValue is bool pv
                ? pv
                : throw new JsonLdException(JsonLdErrorCodes.InvalidAtPrefix, "@prefix must be true or false.");
            if (definition.Prefix && JsonLdKeywords.IsKeyword(definition.IriMapping))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, "A keyword alias cannot be a prefix.");
            }
        }

        foreach (var key in map.Keys)
        {
            if (!TermDefinitionKeys.Contains(key))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"The definition of '{term}' has an unknown entry '{key}'.");
            }
        }

        Store(active, term, definition, defined, previous, hadPrevious, overrideProtected);
    }

    private static void Store(
        ActiveContext active,
        string term,
        TermDefinition definition,
        Dictionary<string, bool> defined,
        TermDefinition? previous,
        bool hadPrevious,
        bool overrideProtected)
    {
        if (!overrideProtected && hadPrevious && previous is { Protected: true })
        {
            if (!definition.SameAs(previous))
            {
                throw new JsonLdException(JsonLdErrorCodes.ProtectedTermRedefinition, $"The protected term '{term}' cannot be redefined.");
            }

            definition = previous;
        }

        active.Terms[term] = definition;
        if (definition.Protected)
        {
            active.HasProtectedTerms = true;
        }

        defined[term] = true;
    }

    private static HashSet<string> ValidateContainer(string term, object? value)
    {
        var items = value switch
        {
            string s => [s],
            List<object?> list when list.TrueForAll(i => i is string) => list.Cast<string>().ToList(),
            _ => throw new JsonLdException(JsonLdErrorCodes.InvalidContainerMapping, $"The @container of '{term}' is not valid."),
        };

        var set = new HashSet<string>(items, StringComparer.Ordinal);
        var valid = set.Count == items.Count && set.All(ContainerKeywords.Contains) && set.Count > 0 && (
            set.Count == 1 ||
            (!set.Contains("@list") && (
                set.SetEquals(["@graph", "@id"]) || set.SetEquals(["@graph", "@index"]) ||
                set.SetEquals(["@graph", "@id", "@set"]) || set.SetEquals(["@graph", "@index", "@set"]) ||
                (set.Count == 2 && set.Contains("@set") && !set.Contains("@list")))));
        if (!valid)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidContainerMapping, $"The @container of '{term}' is not a valid combination.");
        }

        return set;
    }
}
