using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Achievements;

/// <summary><c>awards approve|revoke</c>: an instructor's decisions on awards, audited.</summary>
internal sealed class AwardsCommand : IOperatorCommand
{
    public string Name => "awards";

    public string Usage => "approve <awardId> --by <name> | revoke <awardId> --reason \"...\" --by <name>";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (words.Count < 2 || !CommandOutput.TryLong(words[1], out var awardId))
        {
            return CommandOutput.Usage($"awards {Usage}");
        }

        var awards = services.GetRequiredService<AwardService>();
        var by = commandLine.Option("--by") ?? string.Empty;
        AwardActionResult result;
        switch (words[0])
        {
            case "approve":
                result = await awards.ApproveAsync(awardId, by, cancellationToken);
                break;
            case "revoke":
                result = await awards.RevokeAsync(awardId, commandLine.Option("--reason") ?? string.Empty, by, cancellationToken);
                break;
            default:
                return CommandOutput.Usage($"awards {Usage}");
        }

        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"error: {result.Code}: {result.Message}");
            return 1;
        }

        Console.WriteLine(result.Message);
        return CliApp.ExitOk;
    }
}
