namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>Where each path of a definition was found in its source text (1-based line and column).</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    public static SourceMap Empty { get; } = new();

    internal void Add(string path, int line, int column) => _positions.TryAdd(path, (line, column));

    /// <summary>The position of a path, or of its nearest enclosing path that was in the source.</summary>
    public (int Line, int Column)? Locate(string path)
    {
        var current = path;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return _positions.TryGetValue(string.Empty, out var root) ? root : null;
            }

            current = current[..cut];
        }
    }

    /// <summary>The error with its line and column filled in.</summary>
    public DefinitionError Place(DefinitionError error, string? source)
    {
        if (error.Line is not null)
        {
            return error.Source is null && source is not null ? error with { Source = source } : error;
        }

        var position = Locate(error.Path);
        return error with
        {
            Line = position?.Line,
            Column = position?.Column,
            Source = error.Source ?? source,
        };
    }
}
