using System.Globalization;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Credentials;

/// <summary>The issuance operator commands: issuer, keys, contexts, credentials, verify.</summary>
internal static class IssuanceCommands
{
    public static IReadOnlyList<IOperatorCommand> All { get; } =
        [new IssuerCommand(), new ContextsCommand(), new CredentialsCommand(), new VerifyCommand(), new EndorsementsCommand()];

    internal static long? Platform(CommandLine commandLine) =>
        long.TryParse(commandLine.Option("--platform"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    internal static int Fail(string message, int code = CliApp.ExitUsage)
    {
        Console.Error.WriteLine("error: " + message);
        return code;
    }
}

/// <summary><c>issuer set --platform ID [--name --url --email --phone --description --image --country --country-code --region --locality]</c>, <c>issuer show --platform ID</c>.</summary>
internal sealed class IssuerCommand : IOperatorCommand
{
    public string Name => "issuer";

    public string Usage => "set|show --platform ID [--name --url --email --country ...]: the issuer profile of a registration";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (IssuanceCommands.Platform(commandLine) is not { } platformId || words.Count == 0 || words[0] is not ("set" or "show"))
        {
            return IssuanceCommands.Fail("usage: issuer set|show --platform <id> [--name ... --url ... --email ... --country ...]");
        }

        var store = services.GetRequiredService<IssuerProfileStore>();
        if (await services.GetRequiredService<Registrations.PlatformStore>().GetAsync(platformId, cancellationToken) is null)
        {
            return IssuanceCommands.Fail($"no platform {platformId}");
        }

        if (words[0] == "set")
        {
            await store.SetAsync(platformId, new IssuerProfileFields
            {
                Name = commandLine.Option("--name"),
                Url = commandLine.Option("--url"),
                Email = commandLine.Option("--email"),
                Phone = commandLine.Option("--phone"),
                Description = commandLine.Option("--description"),
                Image = commandLine.Option("--image"),
                Country = commandLine.Option("--country"),
                CountryCode = commandLine.Option("--country-code"),
                Region = commandLine.Option("--region"),
                Locality = commandLine.Option("--locality"),
            }, cancellationToken);
        }

        var documents = services.GetRequiredService<CredentialDocuments>();
        Console.WriteLine((await documents.ProfileAsync(platformId, cancellationToken))!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return CliApp.ExitOk;
    }
}

/// <summary><c>keys rotate --purpose credential-jwt|credential-di --platform ID</c>.</summary>
/// <remarks>Reached through the <c>keys</c> command (<see cref="Lti.Commands.KeysCommand"/>), which owns the name.</remarks>
internal sealed class CredentialKeysCommand : IOperatorCommand
{
    public string Name => "keys";

    public string Usage => "rotate --purpose credential-jwt|credential-di --platform ID: new issuer signing key (old ones stay published)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var purpose = commandLine.Option("--purpose");
        if (words.Count == 0 || words[0] != "rotate" || IssuanceCommands.Platform(commandLine) is not { } platformId
            || purpose is not (KeyPurposes.CredentialJwt or KeyPurposes.CredentialDataIntegrity))
        {
            return IssuanceCommands.Fail("usage: keys rotate --purpose credential-jwt|credential-di --platform <id>");
        }

        var key = await services.GetRequiredService<IssuerKeyService>().RotateAsync(platformId, purpose, cancellationToken);
        Console.WriteLine($"{purpose} key {key.KeyId} ({key.Algorithm}) now signs for platform {platformId}; earlier keys stay in the DID document.");
        return CliApp.ExitOk;
    }
}

/// <summary><c>contexts import DIR</c>, <c>contexts status</c>: the pinned JSON-LD context cache.</summary>
internal sealed class ContextsCommand : IOperatorCommand
{
    public string Name => "contexts";

    public string Usage => "import DIR | status: fill and check the pinned JSON-LD context cache (needed for Data Integrity)";

    public Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var cache = services.GetRequiredService<ContextCache>();
        if (words.Count == 2 && words[0] == "import")
        {
            if (!Directory.Exists(words[1]))
            {
                return Task.FromResult(IssuanceCommands.Fail($"no directory {words[1]}"));
            }

            var report = cache.ImportDirectory(words[1]);
            Console.WriteLine($"imported {report.Imported.Count}, refused {report.Refused.Count}, missing {report.Missing.Count} (cache: {cache.Directory})");
            foreach (var refusal in report.Refused)
            {
                Console.WriteLine($"refused {refusal.Url}: {refusal.Code} {refusal.Message}");
            }

            return Task.FromResult(report.Refused.Count == 0 ? CliApp.ExitOk : 1);
        }

        if (words.Count == 1 && words[0] == "status")
        {
            var missing = cache.MissingContexts();
            Console.WriteLine($"cache: {cache.Directory}; {PinnedContexts.All.Count - missing.Count} of {PinnedContexts.All.Count} pinned contexts present");
            foreach (var url in missing)
            {
                Console.WriteLine("missing " + url);
            }

            return Task.FromResult(CliApp.ExitOk);
        }

        return Task.FromResult(IssuanceCommands.Fail("usage: contexts import <dir> | contexts status"));
    }
}

/// <summary><c>credentials revoke PUBLIC_ID --reason TEXT</c>.</summary>
internal sealed class CredentialsCommand : IOperatorCommand
{
    public string Name => "credentials";

    public string Usage => "revoke PUBLIC_ID --reason TEXT | show-name PUBLIC_ID yes|no: revoke; show the learner's name on the page";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (words.Count == 3 && words[0] == "show-name" && words[2] is "yes" or "no")
        {
            var changed = await services.GetRequiredService<CredentialStore>().SetShowLearnerNameAsync(words[1], words[2] == "yes", cancellationToken);
            return changed ? CliApp.ExitOk : IssuanceCommands.Fail($"not_found: no credential {words[1]}", 1);
        }

        var reason = commandLine.Option("--reason");
        if (words.Count != 2 || words[0] != "revoke" || string.IsNullOrWhiteSpace(reason))
        {
            return IssuanceCommands.Fail("usage: credentials revoke <publicId> --reason <text>");
        }

        var result = await services.GetRequiredService<CredentialRevoker>().RevokeByPublicIdAsync(words[1], "operator", reason, cancellationToken);
        if (!result.Succeeded)
        {
            return IssuanceCommands.Fail($"{result.Code}: {result.Message}", 1);
        }

        Console.WriteLine($"{result.Code}: {words[1]}");
        return CliApp.ExitOk;
    }
}

/// <summary><c>verify FILE</c>: our own verifier on a JSON, JWT, PNG or SVG file.</summary>
internal sealed class VerifyCommand : IOperatorCommand
{
    public string Name => "verify";

    public string Usage => "FILE: verify a credential (JSON, JWT, baked PNG/SVG) issued here";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (words.Count != 1 || !File.Exists(words[0]))
        {
            return IssuanceCommands.Fail("usage: verify <file>");
        }

        var result = await services.GetRequiredService<CredentialVerification>().VerifyAsync(await File.ReadAllBytesAsync(words[0], cancellationToken), cancellationToken);
        Console.WriteLine($"{result.Standing.ToString().ToLowerInvariant()} ({result.Format?.ToString() ?? "unknown format"})");
        foreach (var problem in result.Problems)
        {
            Console.WriteLine($"  {problem.Code}: {problem.Message}");
        }

        return result.Standing == LtiBadgeBridge.Credentials.Verification.CredentialStanding.Verified ? CliApp.ExitOk : 1;
    }
}
