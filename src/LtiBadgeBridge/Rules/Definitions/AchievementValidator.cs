using System.Globalization;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// Checks a definition: required metadata, values in range, and — given the course catalogue — that every
/// item, rubric level and outcome it names exists and every threshold can be reached. Returns every
/// problem at once; a definition with any <see cref="DefinitionSeverity.Error"/> must be refused.
/// </summary>
public static class AchievementValidator
{
    /// <summary>Validates a document read from a file: its reading errors plus the semantic ones, with lines, in file order.</summary>
    public static IReadOnlyList<DefinitionError> Validate(AchievementDocument document, CourseCatalogue? catalogue = null)
    {
        var all = new List<DefinitionError>(document.Errors);
        if (document.Definition is { } definition)
        {
            foreach (var error in Validate(definition, catalogue))
            {
                if (!HasErrorAt(document.Errors, error.Path))
                {
                    all.Add(document.SourceMap.Place(error, document.Source));
                }
            }
        }

        return Sorted(all);
    }

    /// <summary>Validates a definition built in code or read from a file (errors then carry paths, not lines).</summary>
    public static IReadOnlyList<DefinitionError> Validate(AchievementDefinition definition, CourseCatalogue? catalogue = null)
    {
        var errors = new List<DefinitionError>();
        MetadataChecks.Check(definition, errors);
        RuleChecks.Check(definition, catalogue, errors);
        return errors;
    }

    public static bool HasErrors(IReadOnlyList<DefinitionError> errors)
    {
        foreach (var error in errors)
        {
            if (error.Severity == DefinitionSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    internal static List<DefinitionError> Sorted(List<DefinitionError> errors)
    {
        // Stable: file order by line and column, errors without a position last in the order found.
        var indexed = errors.Select((error, index) => (error, index));
        return [.. indexed.OrderBy(x => x.error.Line ?? int.MaxValue).ThenBy(x => x.error.Column ?? 0).ThenBy(x => x.index).Select(x => x.error)];
    }

    private static bool HasErrorAt(IReadOnlyList<DefinitionError> errors, string path)
    {
        foreach (var error in errors)
        {
            // A reading error at a path explains everything under it; don't repeat it as "missing" or "invalid".
            if (string.Equals(error.Path, path, StringComparison.Ordinal)
                || (error.Path.Length > 0 && path.Length > error.Path.Length && path.StartsWith(error.Path, StringComparison.Ordinal)
                    && path[error.Path.Length] is '.' or '['))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
