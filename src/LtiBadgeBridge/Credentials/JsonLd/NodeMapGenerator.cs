namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>Node Map Generation (API §7.2) over expanded JSON-LD; relabels blank nodes <c>_:b0</c>, <c>_:b1</c>...</summary>
internal sealed class NodeMapGenerator
{
    private readonly Dictionary<string, string> _blankNodes = new(StringComparer.Ordinal);
    private int _counter;

    public Dictionary<string, Dictionary<string, Dictionary<string, object?>>> Graphs { get; } =
        new(StringComparer.Ordinal) { ["@default"] = new(StringComparer.Ordinal) };

    public string GenerateBlankNode(string? existing)
    {
        if (existing is not null && _blankNodes.TryGetValue(existing, out var issued))
        {
            return issued;
        }

        issued = "_:b" + _counter++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (existing is not null)
        {
            _blankNodes[existing] = issued;
        }

        return issued;
    }

    public void Generate(
        object? element,
        string activeGraph = "@default",
        object? activeSubject = null,
        string? activeProperty = null,
        Dictionary<string, object?>? list = null)
    {
        if (element is List<object?> array)
        {
            foreach (var item in array)
            {
                Generate(item, activeGraph, activeSubject, activeProperty, list);
            }

            return;
        }

        if (element is not Dictionary<string, object?> map)
        {
            return;
        }

        if (!Graphs.TryGetValue(activeGraph, out var graph))
        {
            graph = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
            Graphs[activeGraph] = graph;
        }

        var subjectNode = activeSubject is string subjectId ? graph[subjectId] : null;

        if (map.TryGetValue("@type", out var typeValue) && typeValue is List<object?> typeList &&
            typeList.Exists(t => t is string s && s.StartsWith("_:", StringComparison.Ordinal)))
        {
            var relabeled = typeList.Select(t => t is string s && s.StartsWith("_:", StringComparison.Ordinal) ? GenerateBlankNode(s) : t).ToList();
            map = new Dictionary<string, object?>(map, StringComparer.Ordinal) { ["@type"] = relabeled };
        }

        if (map.ContainsKey("@value"))
        {
            if (list is null)
            {
                AddUnique(subjectNode!, activeProperty!, map);
            }
            else
            {
                ((List<object?>)list["@list"]!).Add(map);
            }

            return;
        }

        if (map.TryGetValue("@list", out var listValue))
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@list"] = new List<object?>() };
            Generate(listValue, activeGraph, activeSubject, activeProperty, result);
            if (list is null)
            {
                AddAlways(subjectNode!, activeProperty!, result);
            }
            else
            {
                ((List<object?>)list["@list"]!).Add(result);
            }

            return;
        }

        string id;
        if (map.TryGetValue("@id", out var idValue))
        {
            if (idValue is not string rawId)
            {
                // An @id that expanded to null: a node no RDF term can name; its statements are dropped.
                rawId = "@null";
            }

            id = rawId.StartsWith("_:", StringComparison.Ordinal) ? GenerateBlankNode(rawId) : rawId;
        }
        else
        {
            id = GenerateBlankNode(null);
        }

        if (!graph.TryGetValue(id, out var node))
        {
            node = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = id };
            graph[id] = node;
        }

        if (activeSubject is Dictionary<string, object?> reverseSubject)
        {
            AddUnique(node, activeProperty!, reverseSubject);
        }
        else if (activeProperty is not null)
        {
            var reference = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = id };
            if (list is null)
            {
                AddUnique(subjectNode!, activeProperty, reference);
            }
            else
            {
                ((List<object?>)list["@list"]!).Add(reference);
            }
        }

        if (map.TryGetValue("@type", out var types))
        {
            foreach (var type in JsonTree.AsList(types))
            {
                AddUnique(node, "@type", type);
            }
        }

        if (map.TryGetValue("@index", out var index))
        {
            if (node.TryGetValue("@index", out var existingIndex) && !JsonTree.DeepEquals(existingIndex, index))
            {
                throw new JsonLdException("conflicting indexes", $"The node {id} has two different @index values.");
            }

            node["@index"] = index;
        }

        if (map.TryGetValue("@reverse", out var reverse) && reverse is Dictionary<string, object?> reverseMap)
        {
            var referenced = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = id };
            foreach (var (property, values) in reverseMap)
            {
                foreach (var value in JsonTree.AsList(values))
                {
                    Generate(value, activeGraph, referenced, property);
                }
            }
        }

        if (map.TryGetValue("@graph", out var graphValue))
        {
            Generate(graphValue, id);
        }

        if (map.TryGetValue("@included", out var included))
        {
            Generate(included, activeGraph);
        }

        foreach (var (property, value) in map)
        {
            if (property is "@id" or "@type" or "@index" or "@reverse" or "@graph" or "@included")
            {
                continue;
            }

            var target = property.StartsWith("_:", StringComparison.Ordinal) ? GenerateBlankNode(property) : property;
            if (!node.ContainsKey(target))
            {
                node[target] = new List<object?>();
            }

            Generate(value, activeGraph, id, target);
        }
    }

    private static void AddUnique(Dictionary<string, object?> node, string property, object? value)
    {
        if (!node.TryGetValue(property, out var existing) || existing is not List<object?> values)
        {
            values = [];
            node[property] = values;
        }

        foreach (var item in values)
        {
            if (JsonTree.DeepEquals(item, value))
            {
                return;
            }
        }

        values.Add(value);
    }

    private static void AddAlways(Dictionary<string, object?> node, string property, object? value)
    {
        if (!node.TryGetValue(property, out var existing) || existing is not List<object?> values)
        {
            values = [];
            node[property] = values;
        }

        values.Add(value);
    }
}
