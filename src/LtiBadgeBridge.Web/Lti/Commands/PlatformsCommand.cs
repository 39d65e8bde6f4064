using System.Globalization;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Lti.Commands;

/// <summary><c>platforms add|list|remove</c>: manual registration of LMS platforms.</summary>
internal sealed class PlatformsCommand(TextWriter? output = null, TextWriter? error = null) : IOperatorCommand
{
    private readonly CommandOutput _io = new(output, error);

    public string Name => "platforms";

    public string Usage => "add --issuer URL --client-id ID [--family canvas|moodle|other] [--auth-url --token-url --jwks-url --token-audience --name --deployment ID --deployment-policy auto|approve] | list | remove --id N";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PlatformStore>();
        switch (words.Count > 0 ? words[0] : "")
        {
            case "add":
                return await AddAsync(store, commandLine, cancellationToken);
            case "list":
                foreach (var platform in await store.ListAsync(cancellationToken))
                {
                    var deployments = await store.ListDeploymentsAsync(platform.Id, cancellationToken);
                    await _io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{platform.Id}\t{platform.ProductFamily}\t{platform.Issuer}\t{platform.ClientId}\t{platform.RegistrationSource}\t{platform.RegistrationStatus}\tdeployments={deployments.Count}\tpolicy={platform.DeploymentPolicy}\t{platform.Name}"));
                }

                return CliApp.ExitOk;
            case "remove":
                if (!long.TryParse(commandLine.Option("--id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return await _io.FailAsync("platforms remove needs --id N (see 'platforms list').");
                }

                if (!await store.DeleteAsync(id, cancellationToken))
                {
                    return await _io.FailAsync($"no platform with id {id}.", 1);
                }

                await _io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"removed platform {id} and everything that belonged to it"));
                return CliApp.ExitOk;
            default:
                return await _io.FailAsync("usage: platforms " + Usage);
        }
    }

    private async Task<int> AddAsync(PlatformStore store, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var family = commandLine.Option("--family") ?? ProductFamilies.Other;
        var issuer = commandLine.Option("--issuer");
        var clientId = commandLine.Option("--client-id");
        if (family is not (ProductFamilies.Canvas or ProductFamilies.Moodle or ProductFamilies.Other))
        {
            return await _io.FailAsync("--family must be canvas, moodle or other.");
        }

        if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(clientId))
        {
            return await _io.FailAsync("platforms add needs --issuer and --client-id.");
        }

        // Defaults an admin would otherwise look up: Canvas Cloud's shared endpoints, Moodle's from its wwwroot.
        var moodleRoot = issuer.TrimEnd('/');
        var file = new PlatformFile
        {
            Name = commandLine.Option("--name"),
            Issuer = issuer,
            ClientId = clientId,
            ProductFamily = family,
            AuthorizationEndpoint = commandLine.Option("--auth-url") ?? family switch
            {
                ProductFamilies.Canvas => "https://sso.canvaslms.com/api/lti/authorize_redirect",
                ProductFamilies.Moodle => moodleRoot + "/mod/lti/auth.php",
                _ => null,
            },
            TokenEndpoint = commandLine.Option("--token-url") ?? (family == ProductFamilies.Moodle ? moodleRoot + "/mod/lti/token.php" : null),
            JwksUri = commandLine.Option("--jwks-url") ?? family switch
            {
                ProductFamilies.Canvas => "https://sso.canvaslms.com/api/lti/security/jwks",
                ProductFamilies.Moodle => moodleRoot + "/mod/lti/certs.php",
                _ => null,
            },
            TokenAudience = commandLine.Option("--token-audience"),
            DeploymentPolicy = commandLine.Option("--deployment-policy"),
        };
        if (PlatformFileLoader.Validate(file) is { } problem)
        {
            return await _io.FailAsync($"{problem} (Canvas needs --token-url https://<your-domain>/login/oauth2/token).");
        }

        var saved = await store.UpsertAsync(
            new PlatformRegistration
            {
                Issuer = file.Issuer!,
                ClientId = file.ClientId!,
                Name = string.IsNullOrWhiteSpace(file.Name) ? $"{family} {new Uri(file.TokenEndpoint!).Host}" : file.Name,
                ProductFamily = family,
                AuthorizationEndpoint = file.AuthorizationEndpoint!,
                TokenEndpoint = file.TokenEndpoint!,
                TokenAudience = file.TokenAudience,
                JwksUri = file.JwksUri!,
                DeploymentPolicy = file.DeploymentPolicy ?? DeploymentPolicies.Auto,
                RegistrationSource = "cli",
            },
            cancellationToken);
        if (commandLine.Option("--deployment") is { Length: > 0 } deployment)
        {
            await store.EnsureDeploymentAsync(saved.Id, deployment, DeploymentStatuses.Active, cancellationToken);
        }

        await _io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"platform {saved.Id}: {saved.Issuer} client {saved.ClientId}"));
        return CliApp.ExitOk;
    }
}
