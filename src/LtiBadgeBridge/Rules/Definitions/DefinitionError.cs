using System.Globalization;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>How bad a definition problem is: errors refuse the definition, warnings are advice.</summary>
public enum DefinitionSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem in an achievement definition: a stable <see cref="Code"/>, where it is (<see cref="Path"/>
/// and, when read from a file, <see cref="Line"/>/<see cref="Column"/>, 1-based), what is wrong and how to fix it.
/// </summary>
public sealed record DefinitionError
{
    public required string Code { get; init; }

    /// <summary>Where in the definition, e.g. <c>rules.all[1].minPercent</c>.</summary>
    public required string Path { get; init; }

    public required string Message { get; init; }

    public string? Hint { get; init; }

    public DefinitionSeverity Severity { get; init; } = DefinitionSeverity.Error;

    public int? Line { get; init; }

    public int? Column { get; init; }

    /// <summary>The file or source the definition was read from, when known.</summary>
    public string? Source { get; init; }

    /// <summary>"big-data.yaml line 12, column 7: threshold 170 is above 100 %; use a percentage between 0 and 100".</summary>
    public override string ToString()
    {
        var where = Line is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"line {line}, column {Column ?? 1}")
            : Path;
        var prefix = Source is null ? where : Source + " " + where;
        var severity = Severity == DefinitionSeverity.Warning ? "warning: " : string.Empty;
        return Hint is null ? $"{prefix}: {severity}{Message}" : $"{prefix}: {severity}{Message}; {Hint}";
    }
}
