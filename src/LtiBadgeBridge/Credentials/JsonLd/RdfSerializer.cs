using System.Globalization;
using System.Text.RegularExpressions;
using LtiBadgeBridge.Credentials.Rdf;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>Deserialize JSON-LD to RDF (API §8.1-8.3) from a node map.</summary>
internal static partial class RdfSerializer
{
    [GeneratedRegex("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagRegex();

    public static List<Quad> ToQuads(NodeMapGenerator nodeMap)
    {
        var quads = new List<Quad>();
        var seen = new HashSet<Quad>();
        foreach (var graphName in nodeMap.Graphs.Keys)
        {
            RdfTerm? graphTerm = null;
            if (graphName != "@default")
            {
                graphTerm = ToResource(graphName);
                if (graphTerm is null)
                {
                    continue;
                }
            }

            var graph = nodeMap.Graphs[graphName];
            foreach (var subject in graph.Keys)
            {
                var subjectTerm = ToResource(subject);
                if (subjectTerm is null)
                {
                    continue;
                }

                var node = graph[subject];
                foreach (var property in node.Keys)
                {
                    var values = node[property] as List<object?>;
                    if (property == "@type")
                    {
                        foreach (var type in values!)
                        {
                            if (type is string typeIri && ToResource(typeIri) is { } typeTerm)
                            {
                                Add(new Quad(subjectTerm, RdfTerm.Iri(RdfVocabulary.RdfType), typeTerm, graphTerm));
                            }
                        }

                        continue;
                    }

                    if (JsonLdKeywords.IsKeyword(property) || property.StartsWith("_:", StringComparison.Ordinal) ||
                        !IriResolver.IsWellFormed(property))
                    {
                        continue;
                    }

                    var predicate = RdfTerm.Iri(property);
                    foreach (var item in values ?? [])
                    {
                        var listTriples = new List<(RdfTerm, RdfTerm, RdfTerm)>();
                        var obj = ObjectToRdf(item, listTriples, nodeMap);
                        if (obj is not null)
                        {
                            Add(new Quad(subjectTerm, predicate, obj, graphTerm));
                        }

                        foreach (var (s, p, o) in listTriples)
                        {
                            Add(new Quad(s, p, o, graphTerm));
                        }
                    }
                }
            }
        }

        return quads;

        void Add(Quad quad)
        {
            if (seen.Add(quad))
            {
                quads.Add(quad);
            }
        }
    }

    private static RdfTerm? ToResource(string id)
    {
        if (id.StartsWith("_:", StringComparison.Ordinal))
        {
            return RdfTerm.Blank(id);
        }

        return IriResolver.IsWellFormed(id) ? RdfTerm.Iri(id) : null;
    }

    private static RdfTerm? ObjectToRdf(object? item, List<(RdfTerm, RdfTerm, RdfTerm)> listTriples, NodeMapGenerator nodeMap)
    {
        if (item is not Dictionary<string, object?> map)
        {
            return null;
        }

        if (map.TryGetValue("@list", out var list))
        {
            return ListToRdf((List<object?>)list!, listTriples, nodeMap);
        }

        if (!map.TryGetValue("@value", out var value))
        {
            return map.TryGetValue("@id", out var id) && id is string idString ? ToResource(idString) : null;
        }

        map.TryGetValue("@type", out var typeValue);
        var datatype = typeValue as string;
        if (datatype is not null && datatype != "@json" && !IriResolver.IsWellFormed(datatype))
        {
            return null;
        }

        map.TryGetValue("@language", out var languageValue);
        var language = languageValue as string;
        if (language is not null && !LanguageTagRegex().IsMatch(language))
        {
            return null;
        }

        string lexical;
        if (datatype == "@json")
        {
            lexical = JsonCanonicalizer.Serialize(value);
            datatype = RdfVocabulary.RdfJson;
        }
        else if (value is bool b)
        {
            lexical = b ? "true" : "false";
            datatype ??= RdfVocabulary.XsdBoolean;
        }
        else if (value is double d)
        {
            if (d % 1 != 0 || Math.Abs(d) >= 1e21 || datatype == RdfVocabulary.XsdDouble)
            {
                lexical = CanonicalDouble(d);
                datatype ??= RdfVocabulary.XsdDouble;
            }
            else
            {
                lexical = d == 0 ? "0" : d.ToString("F0", CultureInfo.InvariantCulture);
                datatype ??= RdfVocabulary.XsdInteger;
            }
        }
        else if (value is string s)
        {
            lexical = s;
            if (language is not null)
            {
                return RdfTerm.Literal(lexical, language: language);
            }
        }
        else
        {
            return null;
        }

        return RdfTerm.Literal(lexical, datatype ?? RdfVocabulary.XsdString);
    }

    private static RdfTerm ListToRdf(List<object?> list, List<(RdfTerm, RdfTerm, RdfTerm)> listTriples, NodeMapGenerator nodeMap)
    {
        if (list.Count == 0)
        {
            return RdfTerm.Iri(RdfVocabulary.RdfNil);
        }

        var nodes = list.Select(_ => RdfTerm.Blank(nodeMap.GenerateBlankNode(null))).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var obj = ObjectToRdf(list[i], listTriples, nodeMap);
            if (obj is not null)
            {
                listTriples.Add((nodes[i], RdfTerm.Iri(RdfVocabulary.RdfFirst), obj));
            }

            listTriples.Add((nodes[i], RdfTerm.Iri(RdfVocabulary.RdfRest), i + 1 < nodes.Count ? nodes[i + 1] : RdfTerm.Iri(RdfVocabulary.RdfNil)));
        }

        return nodes[0];
    }

    /// <summary>The canonical xsd:double form JSON-LD uses, e.g. <c>1.1E0</c>, <c>1.0E-5</c>.</summary>
    public static string CanonicalDouble(double value)
    {
        var text = value.ToString("0.000000000000000E+0", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text[..e].TrimEnd('0');
        if (mantissa.EndsWith('.'))
        {
            mantissa += "0";
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}
