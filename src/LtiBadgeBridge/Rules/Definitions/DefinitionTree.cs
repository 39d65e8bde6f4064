namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// A definition as an ordered tree of maps, lists and scalars: the one shape both the YAML export and the
/// canonical JSON (for the version hash) are written from, so they cannot disagree.
/// </summary>
internal abstract record TreeNode;

internal sealed record TreeMap(List<KeyValuePair<string, TreeNode>> Entries) : TreeNode
{
    public TreeMap() : this([])
    {
    }

    public TreeMap Add(string key, TreeNode? value)
    {
        if (value is not null)
        {
            Entries.Add(new(key, value));
        }

        return this;
    }

    public TreeMap Add(string key, string? value) => Add(key, value is null ? null : new TreeText(value));

    public TreeMap Add(string key, double? value) => Add(key, value is null ? null : new TreeNumber(value.Value));

    public TreeMap AddList(string key, IReadOnlyList<string> values) =>
        values.Count == 0 ? this : Add(key, new TreeList([.. values.Select(v => (TreeNode)new TreeText(v))]));
}

internal sealed record TreeList(List<TreeNode> Items) : TreeNode;

internal sealed record TreeText(string Value) : TreeNode;

internal sealed record TreeNumber(double Value) : TreeNode;

internal sealed record TreeBool(bool Value) : TreeNode;
