using System.Globalization;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Lti.Commands;

/// <summary><c>deployments add|list|approve|remove --platform N [--deployment ID]</c>.</summary>
internal sealed class DeploymentsCommand(TextWriter? output = null, TextWriter? error = null) : IOperatorCommand
{
    private readonly CommandOutput _io = new(output, error);

    public string Name => "deployments";

    public string Usage => "add|approve|remove --platform N --deployment ID | list --platform N";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PlatformStore>();
        var verb = words.Count > 0 ? words[0] : "";
        if (verb is not ("add" or "list" or "approve" or "remove"))
        {
            return await _io.FailAsync("usage: deployments " + Usage);
        }

        if (!long.TryParse(commandLine.Option("--platform"), NumberStyles.None, CultureInfo.InvariantCulture, out var platformId)
            || await store.GetAsync(platformId, cancellationToken) is null)
        {
            return await _io.FailAsync("--platform N must name a registered platform (see 'platforms list').");
        }

        if (verb == "list")
        {
            foreach (var deployment in await store.ListDeploymentsAsync(platformId, cancellationToken))
            {
                await _io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{deployment.DeploymentId}\t{deployment.Status}\t{deployment.CreatedAt:u}"));
            }

            return CliApp.ExitOk;
        }

        var deploymentId = commandLine.Option("--deployment");
        if (string.IsNullOrWhiteSpace(deploymentId))
        {
            return await _io.FailAsync($"deployments {verb} needs --deployment ID.");
        }

        switch (verb)
        {
            case "add":
                await store.EnsureDeploymentAsync(platformId, deploymentId, DeploymentStatuses.Active, cancellationToken);
                await store.SetDeploymentStatusAsync(platformId, deploymentId, DeploymentStatuses.Active, cancellationToken);
                await _io.Out.WriteLineAsync($"deployment {deploymentId}: active");
                return CliApp.ExitOk;
            case "approve":
                if (!await store.SetDeploymentStatusAsync(platformId, deploymentId, DeploymentStatuses.Active, cancellationToken))
                {
                    return await _io.FailAsync($"no deployment {deploymentId} on platform {platformId}.", 1);
                }

                await _io.Out.WriteLineAsync($"deployment {deploymentId}: active");
                return CliApp.ExitOk;
            default:
                if (!await store.DeleteDeploymentAsync(platformId, deploymentId, cancellationToken))
                {
                    return await _io.FailAsync($"no deployment {deploymentId} on platform {platformId}.", 1);
                }

                await _io.Out.WriteLineAsync($"deployment {deploymentId}: removed");
                return CliApp.ExitOk;
        }
    }
}
