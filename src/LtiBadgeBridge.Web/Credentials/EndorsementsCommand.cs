using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Credentials;

/// <summary>
/// <c>endorsements import --achievement N|--platform P FILE [--did-document did.json]</c>,
/// <c>endorsements issue --achievement N|--platform P --name TEXT [--comment TEXT]</c>,
/// <c>endorsements list [--platform P]</c>, <c>endorsements remove ID</c>.
/// </summary>
internal sealed class EndorsementsCommand : IOperatorCommand
{
    public string Name => "endorsements";

    public string Usage => "import --achievement N|--platform P FILE [--did-document F] | issue --achievement N|--platform P --name T [--comment C] | list [--platform P] | remove ID";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<EndorsementStore>();
        switch (words.Count > 0 ? words[0] : null)
        {
            case "list":
                var rows = IssuanceCommands.Platform(commandLine) is { } platformId
                    ? await store.ListAsync(platformId, cancellationToken)
                    : await store.ListAllAsync(cancellationToken);
                Console.WriteLine("id\tplatform\ttarget\tformat\tendorser\tvalid until\tcredential id");
                foreach (var r in rows)
                {
                    Console.WriteLine(string.Join('\t',
                        Text(r.Id), Text(r.PlatformId), r.AchievementId is { } a ? "achievement " + Text(a) : "issuer", r.Format,
                        r.EndorserName ?? r.EndorserId, r.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-", r.CredentialId));
                }

                return CliApp.ExitOk;
            case "remove" when words.Count > 1 && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                if (!await store.RemoveAsync(id, cancellationToken))
                {
                    return IssuanceCommands.Fail($"no endorsement {id}");
                }

                Console.WriteLine($"Removed endorsement {id}; credentials issued from now on no longer embed it.");
                return CliApp.ExitOk;
            case "import":
                return await ImportAsync(services, words, commandLine, cancellationToken);
            case "issue":
                return await IssueAsync(services, commandLine, cancellationToken);
            default:
                return IssuanceCommands.Fail("usage: endorsements " + Usage);
        }
    }

    private static async Task<int> ImportAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var file = words.Count > 1 ? words[1] : Positional(commandLine);
        if (file is null || !File.Exists(file))
        {
            return IssuanceCommands.Fail(file is null ? "usage: endorsements import --achievement N|--platform P FILE" : $"no file {file}");
        }

        var importer = services.GetRequiredService<EndorsementImporter>();
        if (await TargetAsync(importer, commandLine, cancellationToken) is not { } target)
        {
            return IssuanceCommands.Fail("name an existing --achievement N or --platform P");
        }

        var documents = new List<JsonObject>();
        if (commandLine.Option("--did-document") is { } didFile)
        {
            if (!File.Exists(didFile) || JsonNode.Parse(await File.ReadAllTextAsync(didFile, cancellationToken)) is not JsonObject document)
            {
                return IssuanceCommands.Fail($"{didFile} is not a DID document (JSON object)");
            }

            documents.Add(document);
        }

        var result = await importer.ImportAsync(target, await File.ReadAllBytesAsync(file, cancellationToken), documents, cancellationToken);
        return Report(result);
    }

    private static async Task<int> IssueAsync(IServiceProvider services, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var importer = services.GetRequiredService<EndorsementImporter>();
        var name = commandLine.Option("--name");
        if (string.IsNullOrWhiteSpace(name) || await TargetAsync(importer, commandLine, cancellationToken) is not { } target)
        {
            return IssuanceCommands.Fail("usage: endorsements issue --achievement N|--platform P --name TEXT [--comment TEXT]");
        }

        return Report(await importer.IssueAsync(target, name, commandLine.Option("--comment"), cancellationToken));
    }

    private static async Task<EndorsementTarget?> TargetAsync(EndorsementImporter importer, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (long.TryParse(commandLine.Option("--achievement"), NumberStyles.None, CultureInfo.InvariantCulture, out var achievementId))
        {
            return await importer.AchievementTargetAsync(achievementId, cancellationToken);
        }

        return IssuanceCommands.Platform(commandLine) is { } platformId ? await importer.IssuerTargetAsync(platformId, cancellationToken) : null;
    }

    private static int Report(EndorsementImportResult result)
    {
        if (!result.Succeeded)
        {
            return IssuanceCommands.Fail($"{result.Code}: {result.Message}", 1);
        }

        Console.WriteLine($"{result.Code}: {result.Message}");
        return CliApp.ExitOk;
    }

    // The first argument after the options that is neither an option nor an option's value.
    private static string? Positional(CommandLine commandLine)
    {
        var args = commandLine.HostArgs;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i += args[i].Contains('=', StringComparison.Ordinal) ? 0 : 1;
                continue;
            }

            return args[i];
        }

        return null;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
