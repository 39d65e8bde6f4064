using System.Globalization;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Achievements;

/// <summary>Shared reading and error output of the achievement commands: one line per error.</summary>
internal static class CommandOutput
{
    public static int Usage(string usage)
    {
        Console.Error.WriteLine($"usage: {usage}");
        return CliApp.ExitUsage;
    }

    public static bool TryLong(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static async Task<string?> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"error: cannot read '{file}': {ex.Message}");
            return null;
        }
    }

    /// <summary>Writes each error as one line ("file line 12, column 7: ...; fix") and returns the failure exit code.</summary>
    public static int Refused(IReadOnlyList<DefinitionError> errors)
    {
        foreach (var error in errors)
        {
            if (error.Severity == DefinitionSeverity.Error)
            {
                Console.Error.WriteLine(error.Line is null && error.Path.Length == 0 ? $"error: {error.Code}: {error.Message}" : $"error: {error}");
            }
        }

        return 1;
    }

    public static void WriteWarnings(IReadOnlyList<DefinitionError> errors)
    {
        foreach (var error in errors)
        {
            if (error.Severity == DefinitionSeverity.Warning)
            {
                Console.Error.WriteLine(error.ToString());
            }
        }
    }
}
