namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>Expansion step 13.4: entries whose key expands to a keyword.</summary>
internal sealed partial class Expander
{
    private void ExpandKeyword(
        ActiveContext active,
        ActiveContext typeScoped,
        string? activeProperty,
        string key,
        string keyword,
        object? value,
        Dictionary<string, object?> result,
        string? baseUrl,
        string? inputType,
        List<string> nests)
    {
        if (activeProperty == "@reverse")
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidReversePropertyMap, "A reverse property map may not contain keywords.");
        }

        if (result.ContainsKey(keyword) && keyword is not ("@included" or "@type"))
        {
            throw new JsonLdException(JsonLdErrorCodes.CollidingKeywords, $"Two entries expand to {keyword}.");
        }

        object? expandedValue;
        switch (keyword)
        {
            case "@id":
                if (value is not string id)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidAtId, "@id must be a string.");
                }

                // An @id with the form of a keyword expands to null; the node stays, but never reaches RDF.
                result["@id"] = CheckIri(ContextProcessor.ExpandIri(active, id, documentRelative: true, vocab: false), id);
                return;
            case "@type":
                expandedValue = ExpandTypeValue(typeScoped, value);
                if (result.TryGetValue("@type", out var existingType))
                {
                    var combined = JsonTree.AsList(existingType).ToList();
                    combined.AddRange(JsonTree.AsList(expandedValue));
                    expandedValue = combined;
                }

                break;
            case "@graph":
                expandedValue = JsonTree.AsList(Expand(active, "@graph", value, baseUrl));
                break;
            case "@included":
                var included = JsonTree.AsList(Expand(active, null, value, baseUrl));
                foreach (var item in included)
                {
                    if (item is not Dictionary<string, object?> node || node.ContainsKey("@value") || node.ContainsKey("@list") || node.ContainsKey("@set"))
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidAtIncluded, "@included values must be node objects.");
                    }
                }

                if (result.TryGetValue("@included", out var existingIncluded))
                {
                    var merged = JsonTree.AsList(existingIncluded).ToList();
                    merged.AddRange(included);
                    included = merged;
                }

                expandedValue = included;
                break;
            case "@value":
                if (inputType == "@json")
                {
                    expandedValue = value;
                }
                else if (value is not null && !JsonTree.IsScalar(value))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidValueObjectValue, "@value must be a scalar or null.");
                }
                else
                {
                    expandedValue = value;
                }

                result["@value"] = expandedValue;
                return;
            case "@language":
                if (value is not string language)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageTaggedString, "@language must be a string.");
                }

                expandedValue = language;
                break;
            case "@direction":
                if (value is not ("ltr" or "rtl"))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidBaseDirection, "@direction must be \"ltr\" or \"rtl\".");
                }

                expandedValue = value;
                break;
            case "@index":
                if (value is not string)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidAtIndex, "@index must be a string.");
                }

                expandedValue = value;
                break;
            case "@list":
                if (activeProperty is null or "@graph")
                {
                    return;
                }

                expandedValue = JsonTree.AsList(Expand(active, activeProperty, value, baseUrl));
                break;
            case "@set":
                expandedValue = Expand(active, activeProperty, value, baseUrl);
                break;
            case "@reverse":
                ExpandReverse(active, value, result, baseUrl);
                return;
            case "@nest":
                nests.Add(key);
                return;
            default:
                return;
        }

        if (expandedValue is not null)
        {
            result[keyword] = expandedValue;
        }
    }

    private object? ExpandTypeValue(ActiveContext typeScoped, object? value)
    {
        string ExpandOne(string type)
        {
            var expanded = ContextProcessor.ExpandIri(typeScoped, type, documentRelative: true, vocab: true)!;
            if (safe && !IriResolver.IsAbsolute(expanded) && !expanded.StartsWith("_:", StringComparison.Ordinal))
            {
                throw new JsonLdException(JsonLdErrorCodes.SafeModeViolation, $"The type '{type}' is not defined by any context.");
            }

            return expanded;
        }

        return value switch
        {
            string s => ExpandOne(s),
            List<object?> list when list.TrueForAll(i => i is string) => list.Select(i => (object?)ExpandOne((string)i!)).ToList(),
            _ => throw new JsonLdException(JsonLdErrorCodes.InvalidTypeValue, "@type must be a string or an array of strings."),
        };
    }

    private void ExpandReverse(ActiveContext active, object? value, Dictionary<string, object?> result, string? baseUrl)
    {
        if (value is not Dictionary<string, object?>)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidAtReverse, "@reverse must be a map.");
        }

        var expanded = (Dictionary<string, object?>?)Expand(active, "@reverse", value, baseUrl) ?? JsonTree.NewMap();
        if (expanded.TryGetValue("@reverse", out var doubleReversed) && doubleReversed is Dictionary<string, object?> forward)
        {
            foreach (var (property, items) in forward)
            {
                AddValues(result, property, items);
            }
        }

        var reverseMap = result.TryGetValue("@reverse", out var existing) && existing is Dictionary<string, object?> existingMap
            ? existingMap
            : null;
        foreach (var (property, items) in expanded)
        {
            if (property == "@reverse")
            {
                continue;
            }

            if (reverseMap is null)
            {
                reverseMap = JsonTree.NewMap();
                result["@reverse"] = reverseMap;
            }

            foreach (var item in JsonTree.AsList(items))
            {
                if (item is Dictionary<string, object?> itemMap && (itemMap.ContainsKey("@value") || itemMap.ContainsKey("@list")))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidReversePropertyValue, "A reverse property value must be a node.");
                }

                AddValue(reverseMap, property, item);
            }
        }
    }
}
