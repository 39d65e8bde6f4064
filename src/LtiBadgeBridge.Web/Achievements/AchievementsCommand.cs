using System.Globalization;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Achievements;

/// <summary><c>achievements import|export|list|dry-run</c>: definitions in and out of the database.</summary>
internal sealed class AchievementsCommand : IOperatorCommand
{
    public string Name => "achievements";

    public string Usage => "import <file> --platform <id> [--course <id>] | export <id> [--version N] | list --platform <id> | dry-run <file> --course <id>";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var sub = words.Count > 0 ? words[0] : null;
        return sub switch
        {
            "import" when words.Count > 1 => await ImportAsync(services, words[1], commandLine, cancellationToken),
            "export" when words.Count > 1 => await ExportAsync(services, words[1], commandLine, cancellationToken),
            "list" => await ListAsync(services, commandLine, cancellationToken),
            "dry-run" when words.Count > 1 => await DryRunAsync(services, words[1], commandLine, cancellationToken),
            _ => CommandOutput.Usage($"achievements {Usage}"),
        };
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string file, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (!CommandOutput.TryLong(commandLine.Option("--platform"), out var platformId))
        {
            return CommandOutput.Usage("achievements import <file> --platform <id> [--course <id>]");
        }

        long? courseId = null;
        if (commandLine.Option("--course") is { } course)
        {
            if (!CommandOutput.TryLong(course, out var id))
            {
                return CommandOutput.Usage("--course takes a course id (a number)");
            }

            courseId = id;
        }

        if (await CommandOutput.ReadFileAsync(file, cancellationToken) is not { } text)
        {
            return CliApp.ExitUsage;
        }

        var store = services.GetRequiredService<AchievementStore>();
        var result = await store.SaveAsync(platformId, courseId, text, Path.GetFileName(file), "cli", cancellationToken);
        CommandOutput.WriteWarnings(result.Errors);
        if (!result.Succeeded)
        {
            return CommandOutput.Refused(result.Errors);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"achievement {result.Achievement!.Id} '{result.Achievement.Slug}' version {result.Version} {(result.Changed ? "saved" : "unchanged")} ({result.ContentHash})"));
        return CliApp.ExitOk;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string id, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (!CommandOutput.TryLong(id, out var achievementId))
        {
            return CommandOutput.Usage("achievements export <id> [--version N]");
        }

        int? version = null;
        if (commandLine.Option("--version") is { } v)
        {
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return CommandOutput.Usage("--version takes a version number");
            }

            version = n;
        }

        var stored = await services.GetRequiredService<AchievementStore>().GetVersionAsync(achievementId, version, cancellationToken);
        if (stored is null)
        {
            await Console.Error.WriteLineAsync($"error: {AchievementErrorCodes.AchievementNotFound}: achievement {achievementId}{(version is null ? "" : $" version {version}")} does not exist");
            return 1;
        }

        Console.Write(stored.Definition.EndsWith('\n') ? stored.Definition : stored.Definition + "\n");
        return CliApp.ExitOk;
    }

    private static async Task<int> ListAsync(IServiceProvider services, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (!CommandOutput.TryLong(commandLine.Option("--platform"), out var platformId))
        {
            return CommandOutput.Usage("achievements list --platform <id>");
        }

        var list = await services.GetRequiredService<AchievementStore>().ListAsync(platformId, cancellationToken);
        Console.WriteLine("id\tcourse\tslug\tversion\tstatus\tname");
        foreach (var a in list)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Id}\t{(a.CourseId is { } c ? c.ToString(CultureInfo.InvariantCulture) : "institution")}\t{a.Slug}\t{a.CurrentVersion}\t{a.Status}\t{a.Name}"));
        }

        return CliApp.ExitOk;
    }

    private static async Task<int> DryRunAsync(IServiceProvider services, string file, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (!CommandOutput.TryLong(commandLine.Option("--course"), out var courseId))
        {
            return CommandOutput.Usage("achievements dry-run <file> --course <id>");
        }

        if (await CommandOutput.ReadFileAsync(file, cancellationToken) is not { } text)
        {
            return CliApp.ExitUsage;
        }

        var result = await services.GetRequiredService<AchievementDryRunService>().RunAsync(courseId, text, Path.GetFileName(file), null, cancellationToken);
        CommandOutput.WriteWarnings(result.Errors);
        if (result.Report is not { } report)
        {
            return CommandOutput.Refused(result.Errors);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.AchievementId} ({report.DefinitionVersion}) over {report.Learners} learners"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"would earn: {report.WouldEarn.Count}{(report.AwaitingApproval.Count > 0 ? $" ({report.AwaitingApproval.Count} after approval)" : "")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"close: {report.Close.Count}"));
        Console.WriteLine("criterion\tmet\tblocked\tblocked alone\tpending");
        foreach (var c in report.Criteria)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Label}\t{c.Met}\t{c.Blocked}\t{c.BlockedAlone}\t{c.Pending}"));
        }

        Console.WriteLine(report.Bottleneck is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"blocks most: {b.Label} ({b.Blocked} learners)")
            : "blocks most: nothing");
        return CliApp.ExitOk;
    }
}
