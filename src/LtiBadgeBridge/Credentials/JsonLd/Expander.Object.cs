namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>Expansion step 13-14: the entries of one map.</summary>
internal sealed partial class Expander
{
    private void ExpandObject(
        ActiveContext active,
        ActiveContext typeScoped,
        string? activeProperty,
        Dictionary<string, object?> element,
        Dictionary<string, object?> result,
        string? baseUrl,
        string? inputType)
    {
        var nests = new List<string>();
        // Entry order does not change the RDF (and the canonical form is order-free), so no sort here.
        foreach (var (key, value) in element)
        {
            if (key == "@context")
            {
                continue;
            }

            var expandedProperty = ContextProcessor.ExpandIri(active, key, documentRelative: false, vocab: true);
            if (expandedProperty is null || (!expandedProperty.Contains(':', StringComparison.Ordinal) && !JsonLdKeywords.IsKeyword(expandedProperty)))
            {
                if (safe)
                {
                    throw new JsonLdException(JsonLdErrorCodes.SafeModeViolation, $"The property '{key}' is not defined by any context and would be dropped.");
                }

                continue;
            }

            if (JsonLdKeywords.IsKeyword(expandedProperty))
            {
                ExpandKeyword(active, typeScoped, activeProperty, key, expandedProperty, value, result, baseUrl, inputType, nests);
                continue;
            }

            var definition = active.Term(key);
            object? expandedValue;
            if (definition?.TypeMapping == "@json")
            {
                expandedValue = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = value, ["@type"] = "@json" };
            }
            else if (definition?.HasContainer("@language") == true && value is Dictionary<string, object?> languageMap)
            {
                expandedValue = ExpandLanguageMap(active, definition, languageMap);
            }
            else if (definition?.Container is { } container && value is Dictionary<string, object?> indexMap &&
                     (container.Contains("@index") || container.Contains("@type") || container.Contains("@id")))
            {
                expandedValue = ExpandIndexMap(active, key, definition, indexMap, baseUrl);
            }
            else
            {
                expandedValue = Expand(active, key, value, baseUrl);
            }

            if (expandedValue is null)
            {
                continue;
            }

            if (definition?.HasContainer("@list") == true && !IsListObject(expandedValue))
            {
                expandedValue = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@list"] = JsonTree.AsList(expandedValue) };
            }

            if (definition?.HasContainer("@graph") == true && !definition.HasContainer("@id") && !definition.HasContainer("@index"))
            {
                expandedValue = JsonTree.AsList(expandedValue)
                    .Select(ev => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["@graph"] = JsonTree.AsList(ev) })
                    .ToList();
            }

            if (definition?.Reverse == true)
            {
                if (!result.TryGetValue("@reverse", out var reverseObject) || reverseObject is not Dictionary<string, object?> reverseMap)
                {
                    reverseMap = JsonTree.NewMap();
                    result["@reverse"] = reverseMap;
                }

                foreach (var item in JsonTree.AsList(expandedValue))
                {
                    if (item is Dictionary<string, object?> itemMap && (itemMap.ContainsKey("@value") || itemMap.ContainsKey("@list")))
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidReversePropertyValue, "A reverse property value must be a node.");
                    }

                    AddValue(reverseMap, expandedProperty, item);
                }
            }
            else
            {
                AddValues(result, expandedProperty, expandedValue);
            }
        }

        foreach (var nestingKey in nests.Order(StringComparer.Ordinal))
        {
            foreach (var nested in JsonTree.AsList(element[nestingKey]))
            {
                if (nested is not Dictionary<string, object?> nestedMap ||
                    nestedMap.Keys.Any(k => ContextProcessor.ExpandIri(active, k, false, true) == "@value"))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidAtNest, "A nested value must be a map without @value.");
                }

                var nestContext = active;
                if (active.Term(nestingKey) is { HasContext: true } nestDefinition)
                {
                    nestContext = contexts.ProcessCached(active, nestDefinition.Context, nestDefinition.BaseUrl, nestDefinition, overrideProtected: true);
                }

                ExpandObject(nestContext, typeScoped, nestingKey, nestedMap, result, baseUrl, inputType);
            }
        }
    }

    private static bool IsListObject(object? value) => value is Dictionary<string, object?> map && map.ContainsKey("@list");

    private static void AddValues(Dictionary<string, object?> target, string property, object? values)
    {
        foreach (var item in JsonTree.AsList(values))
        {
            AddValue(target, property, item);
        }

        if (!target.ContainsKey(property))
        {
            target[property] = new List<object?>();
        }
    }

    private static void AddValue(Dictionary<string, object?> target, string property, object? value)
    {
        if (!target.TryGetValue(property, out var existing) || existing is not List<object?> list)
        {
            list = existing is null && !target.ContainsKey(property) ? [] : [existing];
            target[property] = list;
        }

        list.Add(value);
    }

    private static List<object?> ExpandLanguageMap(ActiveContext active, TermDefinition definition, Dictionary<string, object?> languageMap)
    {
        var expanded = new List<object?>();
        var direction = definition.HasDirection ? definition.Direction : active.DefaultDirection;
        foreach (var language in languageMap.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var item in JsonTree.AsList(languageMap[language]))
            {
                if (item is null)
                {
                    continue;
                }

                if (item is not string text)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageMapValue, "Language map values must be strings.");
                }

                var value = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = text };
                if (language != "@none" && ContextProcessor.ExpandIri(active, language, false, true) != "@none")
                {
                    value["@language"] = language;
                }

                if (direction is not null)
                {
                    value["@direction"] = direction;
                }

                expanded.Add(value);
            }
        }

        return expanded;
    }

    private List<object?> ExpandIndexMap(
        ActiveContext active,
        string key,
        TermDefinition definition,
        Dictionary<string, object?> indexMap,
        string? baseUrl)
    {
        var expanded = new List<object?>();
        var indexKey = definition.Index ?? "@index";
        var isIdOrType = definition.HasContainer("@id") || definition.HasContainer("@type");
        foreach (var index in indexMap.Keys.Order(StringComparer.Ordinal))
        {
            var mapContext = isIdOrType ? active.PreviousContext ?? active : active;
            if (definition.HasContainer("@type") && mapContext.Term(index) is { HasContext: true } indexDefinition)
            {
                mapContext = contexts.ProcessCached(mapContext, indexDefinition.Context, indexDefinition.BaseUrl, indexDefinition);
            }

            var expandedIndex = ContextProcessor.ExpandIri(active, index, documentRelative: false, vocab: true);
            var items = Expand(mapContext, key, JsonTree.AsList(indexMap[index]), baseUrl, fromMap: true);
            foreach (var rawItem in JsonTree.AsList(items))
            {
                var item = rawItem;
                if (definition.HasContainer("@graph") && !(item is Dictionary<string, object?> g && IsGraphObject(g)))
                {
                    item = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@graph"] = JsonTree.AsList(item) };
                }

                var itemMap = (Dictionary<string, object?>)item!;
                if (definition.HasContainer("@index") && indexKey != "@index" && expandedIndex != "@none")
                {
                    var reexpanded = ExpandValue(active, indexKey, index);
                    var expandedIndexKey = ContextProcessor.ExpandIri(active, indexKey, documentRelative: false, vocab: true)!;
                    var values = new List<object?> { reexpanded };
                    if (itemMap.TryGetValue(expandedIndexKey, out var existing))
                    {
                        values.AddRange(JsonTree.AsList(existing));
                    }

                    itemMap[expandedIndexKey] = values;
                    if (itemMap.ContainsKey("@value"))
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidValueObject, "A value object in a property-indexed map cannot take the index.");
                    }
                }
                else if (definition.HasContainer("@index") && !itemMap.ContainsKey("@index") && expandedIndex != "@none")
                {
                    itemMap["@index"] = index;
                }
                else if (definition.HasContainer("@id") && !itemMap.ContainsKey("@id") && expandedIndex != "@none")
                {
                    itemMap["@id"] = ContextProcessor.ExpandIri(active, index, documentRelative: true, vocab: false);
                }
                else if (definition.HasContainer("@type") && expandedIndex != "@none")
                {
                    var types = new List<object?> { expandedIndex };
                    if (itemMap.TryGetValue("@type", out var existingTypes))
                    {
                        types.AddRange(JsonTree.AsList(existingTypes));
                    }

                    itemMap["@type"] = types;
                }

                expanded.Add(itemMap);
            }
        }

        return expanded;
    }

    private static bool IsGraphObject(Dictionary<string, object?> map) =>
        map.ContainsKey("@graph") && map.Keys.All(k => k is "@graph" or "@id" or "@index" or "@context");
}
