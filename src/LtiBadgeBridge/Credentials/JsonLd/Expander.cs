namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>JSON-LD 1.1 Expansion (API §5.1), over the internal JSON tree.</summary>
internal sealed partial class Expander(ContextProcessor contexts, bool safe)
{
    public object? Expand(ActiveContext active, string? activeProperty, object? element, string? baseUrl, bool fromMap = false)
    {
        if (element is null)
        {
            return null;
        }

        var propertyDefinition = activeProperty is null ? null : active.Term(activeProperty);
        if (JsonTree.IsScalar(element))
        {
            if (activeProperty is null or "@graph")
            {
                return null;
            }

            if (propertyDefinition is { HasContext: true })
            {
                active = contexts.ProcessCached(active, propertyDefinition.Context, propertyDefinition.BaseUrl, propertyDefinition);
            }

            return ExpandValue(active, activeProperty, element);
        }

        if (element is List<object?> array)
        {
            var result = new List<object?>(array.Count);
            var isList = propertyDefinition?.HasContainer("@list") == true;
            foreach (var item in array)
            {
                var expanded = Expand(active, activeProperty, item, baseUrl, fromMap);
                if (isList && expanded is List<object?> nested)
                {
                    expanded = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@list"] = nested };
                }

                if (expanded is List<object?> many)
                {
                    result.AddRange(many);
                }
                else if (expanded is not null)
                {
                    result.Add(expanded);
                }
            }

            return result;
        }

        var map = (Dictionary<string, object?>)element;
        if (active.PreviousContext is not null && !fromMap && !KeepsScopedContext(active, map))
        {
            active = active.PreviousContext;
        }

        if (propertyDefinition is { HasContext: true })
        {
            active = contexts.ProcessCached(
                active, propertyDefinition.Context, propertyDefinition.BaseUrl, propertyDefinition, overrideProtected: true);
        }

        if (map.TryGetValue("@context", out var localContext))
        {
            active = contexts.ProcessCached(active, localContext, baseUrl, ContextProcessor.KeyOf(localContext));
        }

        var typeScoped = active;
        string? inputType = null;
        List<string>? typeKeys = null;
        foreach (var key in map.Keys)
        {
            if (ContextProcessor.ExpandIri(active, key, false, true) == "@type")
            {
                (typeKeys ??= []).Add(key);
            }
        }

        typeKeys?.Sort(StringComparer.Ordinal);
        foreach (var typeKey in typeKeys ?? [])
        {
            var values = map[typeKey] switch
            {
                string single => [single],
                List<object?> many => many.OfType<string>().Order(StringComparer.Ordinal).ToList(),
                _ => new List<string>(),
            };
            foreach (var term in values)
            {
                if (typeScoped.Term(term) is { HasContext: true } typeDefinition)
                {
                    active = contexts.ProcessCached(active, typeDefinition.Context, typeDefinition.BaseUrl, typeDefinition, propagate: false);
                }
            }
        }

        if (typeKeys is not null && JsonTree.AsList(map[typeKeys[0]]) is { Count: > 0 } firstTypes && firstTypes[^1] is string lastType)
        {
            inputType = ContextProcessor.ExpandIri(active, lastType, documentRelative: true, vocab: true);
        }

        var output = JsonTree.NewMap();
        ExpandObject(active, typeScoped, activeProperty, map, output, baseUrl, inputType);
        return FinishObject(output, activeProperty);
    }

    private static bool KeepsScopedContext(ActiveContext active, Dictionary<string, object?> map)
    {
        var onlyId = map.Count == 1;
        foreach (var key in map.Keys)
        {
            var expanded = ContextProcessor.ExpandIri(active, key, false, true);
            if (expanded == "@value")
            {
                return true;
            }

            if (expanded != "@id")
            {
                onlyId = false;
            }
        }

        return onlyId;
    }

    private static object? FinishObject(Dictionary<string, object?> result, string? activeProperty)
    {
        if (result.TryGetValue("@value", out var value))
        {
            foreach (var key in result.Keys)
            {
                if (key is not ("@direction" or "@index" or "@language" or "@type" or "@value"))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidValueObject, $"A value object may not contain {key}.");
                }
            }

            if (result.ContainsKey("@type") && (result.ContainsKey("@language") || result.ContainsKey("@direction")))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidValueObject, "A value object may not have both @type and @language or @direction.");
            }

            result.TryGetValue("@type", out var type);
            if (type is "@json")
            {
                // Any JSON value is allowed.
            }
            else if (value is null)
            {
                return null;
            }
            else if (value is not string && result.ContainsKey("@language"))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageTaggedValue, "Only strings may carry a language.");
            }
            else if (type is not null && (type is not string typeIri || !IriResolver.IsWellFormed(typeIri)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTypedValue, "The @type of a value object must be an IRI.");
            }
        }
        else if (result.TryGetValue("@type", out var types) && types is not List<object?>)
        {
            result["@type"] = new List<object?> { types };
        }
        else if (result.ContainsKey("@set") || result.ContainsKey("@list"))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey("@index")))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidSetOrListObject, "A set or list object may only contain @index besides.");
            }

            if (result.TryGetValue("@set", out var set))
            {
                return set;
            }
        }

        if (result.Count == 1 && result.ContainsKey("@language"))
        {
            return null;
        }

        if (activeProperty is null or "@graph")
        {
            if (result.Count == 0 || result.ContainsKey("@value") || result.ContainsKey("@list"))
            {
                return null;
            }

            if (result.Count == 1 && result.ContainsKey("@id"))
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>In safe mode, an IRI that stayed relative (and so would vanish from the RDF) is an error.</summary>
    private string? CheckIri(string? iri, string original)
    {
        if (safe && (iri is null || (!IriResolver.IsAbsolute(iri) && !iri.StartsWith("_:", StringComparison.Ordinal))))
        {
            throw new JsonLdException(JsonLdErrorCodes.SafeModeViolation, $"The IRI '{original}' is relative or reserved and would be dropped.");
        }

        return iri;
    }

    private Dictionary<string, object?> ExpandValue(ActiveContext active, string activeProperty, object value)
    {
        var definition = active.Term(activeProperty);
        var typeMapping = definition?.TypeMapping;
        if (value is string s)
        {
            if (typeMapping == "@id")
            {
                return new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["@id"] = CheckIri(ContextProcessor.ExpandIri(active, s, documentRelative: true, vocab: false), s),
                };
            }

            if (typeMapping == "@vocab")
            {
                return new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["@id"] = CheckIri(ContextProcessor.ExpandIri(active, s, documentRelative: true, vocab: true), s),
                };
            }
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = value };
        if (typeMapping is not null and not ("@id" or "@vocab" or "@none"))
        {
            result["@type"] = typeMapping;
        }
        else if (value is string)
        {
            var language = definition is { HasLanguage: true } ? definition.Language : active.DefaultLanguage;
            var direction = definition is { HasDirection: true } ? definition.Direction : active.DefaultDirection;
            if (language is not null)
            {
                result["@language"] = language;
            }

            if (direction is not null)
            {
                result["@direction"] = direction;
            }
        }

        return result;
    }
}
