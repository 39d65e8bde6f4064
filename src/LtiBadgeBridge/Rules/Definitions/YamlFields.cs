using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// Reads typed values from YAML nodes, recording every position in a <see cref="SourceMap"/> and every
/// problem as a <see cref="DefinitionError"/> instead of stopping at the first.
/// </summary>
internal sealed class YamlFields
{
    private readonly List<DefinitionError> _errors;
    private readonly SourceMap _map;

    public YamlFields(List<DefinitionError> errors, SourceMap map)
    {
        _errors = errors;
        _map = map;
    }

    public void Error(YamlNode node, string path, string code, string message, string? hint = null) =>
        _errors.Add(new DefinitionError
        {
            Code = code,
            Path = path,
            Message = message,
            Hint = hint,
            Line = (int)node.Start.Line,
            Column = (int)node.Start.Column,
        });

    public void Locate(string path, YamlNode node) => _map.Add(path, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The entries of a mapping by key; unknown keys are reported with a suggestion.</summary>
    public Dictionary<string, YamlNode>? Mapping(YamlNode node, string path, IReadOnlyCollection<string> allowed)
    {
        Locate(path, node);
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, DefinitionErrorCodes.WrongType, $"{Describe(path)} must be a mapping of keys to values");
            return null;
        }

        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, path, DefinitionErrorCodes.WrongType, "keys must be plain text");
                continue;
            }

            var childPath = RulePaths.Field(path, key);
            if (!allowed.Contains(key))
            {
                Error(keyNode, childPath, DefinitionErrorCodes.UnknownKey, $"unknown key '{key}'", Suggestions.Hint(key, allowed));
                continue;
            }

            Locate(childPath, valueNode);
            entries[key] = valueNode;
        }

        return entries;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" };

    public string? Text(Dictionary<string, YamlNode> entries, string key, string path)
    {
        if (!entries.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        return Text(node, RulePaths.Field(path, key));
    }

    public string? Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error(node, path, DefinitionErrorCodes.WrongType, $"{Describe(path)} must be text, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
        return null;
    }

    /// <summary>A number; with <paramref name="percent"/>, "70%" and "70 %" are accepted too.</summary>
    public double? Number(Dictionary<string, YamlNode> entries, string key, string path, bool percent = false)
    {
        var text = Text(entries, key, path);
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (percent && trimmed.EndsWith('%'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(entries[key], RulePaths.Field(path, key), DefinitionErrorCodes.WrongType,
            $"{key} '{text}' is not a number", percent ? "write a number such as 70 or 70%" : "write a number such as 45 or 2.5");
        return null;
    }

    public int? Integer(Dictionary<string, YamlNode> entries, string key, string path)
    {
        var text = Text(entries, key, path);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(entries[key], RulePaths.Field(path, key), DefinitionErrorCodes.WrongType, $"{key} '{text}' is not a whole number", "write a whole number such as 3");
        return null;
    }

    public bool? Boolean(Dictionary<string, YamlNode> entries, string key, string path)
    {
        var text = Text(entries, key, path);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        Error(entries[key], RulePaths.Field(path, key), DefinitionErrorCodes.WrongType, $"{key} '{text}' is not true or false", "write true or false");
        return null;
    }

    public DateOnly? Date(Dictionary<string, YamlNode> entries, string key, string path)
    {
        var text = Text(entries, key, path);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        Error(entries[key], RulePaths.Field(path, key), DefinitionErrorCodes.WrongType, $"{key} '{text}' is not a date", "write a date as YYYY-MM-DD, e.g. 2027-06-30");
        return null;
    }

    /// <summary>A list of text values; a single value is read as a list of one.</summary>
    public IReadOnlyList<string> TextList(Dictionary<string, YamlNode> entries, string key, string path)
    {
        if (!entries.TryGetValue(key, out var node) || IsNull(node))
        {
            return [];
        }

        var listPath = RulePaths.Field(path, key);
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value is null ? [] : [scalar.Value];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, listPath, DefinitionErrorCodes.WrongType, $"{key} must be a list of text values");
            return [];
        }

        var values = new List<string>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = RulePaths.Index(listPath, i);
            Locate(itemPath, sequence.Children[i]);
            if (Text(sequence.Children[i], itemPath) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    public T? Enum<T>(Dictionary<string, YamlNode> entries, string key, string path, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        var text = Text(entries, key, path);
        if (text is null)
        {
            return null;
        }

        if (values.TryGetValue(text.Trim(), out var value))
        {
            return value;
        }

        Error(entries[key], RulePaths.Field(path, key), DefinitionErrorCodes.InvalidValue, $"{key} '{text}' is not recognised",
            Suggestions.Hint(text, values.Keys.ToList()));
        return null;
    }

    private static string Describe(string path) => path.Length == 0 ? "the definition" : path;
}
