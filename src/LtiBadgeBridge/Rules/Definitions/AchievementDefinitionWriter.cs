using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// Writes a definition back to YAML or JSON in the documented key order. Reading the output gives back an
/// equal definition with the same <see cref="DefinitionVersion"/> (comments in the original are not kept).
/// </summary>
public static class AchievementDefinitionWriter
{
    public static string ToYaml(AchievementDefinition definition)
    {
        var document = new YamlDocument(ToYamlNode(DefinitionTreeBuilder.Build(definition)));
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(document).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlStream ends a document with "...": drop the marker, keep one final newline.
        if (text.EndsWith("...\n", StringComparison.Ordinal))
        {
            text = text[..^4];
        }

        return text.TrimEnd('\n') + "\n";
    }

    public static string ToJson(AchievementDefinition definition, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            WriteJson(json, DefinitionTreeBuilder.Build(definition), canonical: false);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Compact JSON with normalised text (trimmed, \n line ends): the bytes the version hash is taken over.</summary>
    internal static byte[] ToCanonicalJson(AchievementDefinition definition)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            WriteJson(json, DefinitionTreeBuilder.Build(definition), canonical: true);
        }

        return buffer.ToArray();
    }

    private static YamlNode ToYamlNode(TreeNode node) => node switch
    {
        TreeMap map => new YamlMappingNode(map.Entries.Select(e => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(e.Key), ToYamlNode(e.Value)))),
        TreeList list => ToSequence(list),
        TreeText text => TextScalar(text.Value),
        TreeNumber number => new YamlScalarNode(number.Value.ToString("R", CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain },
        TreeBool flag => new YamlScalarNode(flag.Value ? "true" : "false") { Style = ScalarStyle.Plain },
        _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}."),
    };

    private static YamlSequenceNode ToSequence(TreeList list)
    {
        var sequence = new YamlSequenceNode(list.Items.Select(ToYamlNode));

        // Short lists of plain values read best on one line: [a, b, c].
        if (list.Items.Count <= 6 && list.Items.All(i => i is TreeText { Value.Length: < 40 } t && !t.Value.Contains('\n', StringComparison.Ordinal)))
        {
            sequence.Style = YamlDotNet.Core.Events.SequenceStyle.Flow;
        }

        return sequence;
    }

    private static YamlScalarNode TextScalar(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            var literal = value.TrimEnd('\n', ' ');
            return new YamlScalarNode(literal) { Style = ScalarStyle.Literal };
        }

        // Text that a YAML reader would take for a number, boolean or null is quoted ("123", "true").
        var looksTyped = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || value is "true" or "false" or "null" or "~" or "yes" or "no" or ""
            || value.StartsWith('0');
        return new YamlScalarNode(value) { Style = looksTyped ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };
    }

    private static void WriteJson(Utf8JsonWriter json, TreeNode node, bool canonical)
    {
        switch (node)
        {
            case TreeMap map:
                json.WriteStartObject();
                foreach (var (key, value) in map.Entries)
                {
                    json.WritePropertyName(key);
                    WriteJson(json, value, canonical);
                }

                json.WriteEndObject();
                break;
            case TreeList list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item, canonical);
                }

                json.WriteEndArray();
                break;
            case TreeText text:
                json.WriteStringValue(canonical ? Normalise(text.Value) : text.Value);
                break;
            case TreeNumber number:
                json.WriteNumberValue(number.Value);
                break;
            case TreeBool flag:
                json.WriteBooleanValue(flag.Value);
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }

    private static string Normalise(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
