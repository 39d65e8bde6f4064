namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// A definition as read from a file: the definition (null when the text could not be read at all), the
/// structural errors found while reading, and where each path sits in the text.
/// </summary>
public sealed record AchievementDocument
{
    public AchievementDefinition? Definition { get; init; }

    public IReadOnlyList<DefinitionError> Errors { get; init; } = [];

    public SourceMap SourceMap { get; init; } = SourceMap.Empty;

    /// <summary>The file name or other label the text came from.</summary>
    public string? Source { get; init; }
}
