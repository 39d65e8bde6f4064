using System.Net;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Cli;
using LtiBadgeBridge.Web.Lti.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.LtiWeb;

/// <summary>Registration by operator command and by platform files, and the home page's manual values.</summary>
public sealed class RegistrationByCommandAndFileTests
{
    private static readonly System.Text.Json.JsonSerializerOptions FileJson =
        new(System.Text.Json.JsonSerializerDefaults.Web) { ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlatformsAndDeploymentsCommands_AddListApproveRemove()
    {
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var output = new StringWriter();
        var error = new StringWriter();
        var platforms = new PlatformsCommand(output, error);
        var deployments = new DeploymentsCommand(output, error);

        var added = await RunAsync(platforms, service, "platforms add --family moodle --issuer https://moodle.example.edu --client-id abc --deployment 7 --deployment-policy approve");
        var saved = await service.Services.GetRequiredService<PlatformStore>().FindAsync("https://moodle.example.edu", "abc", Cancel);
        Assert.Equal(0, added);
        Assert.NotNull(saved);
        Assert.Equal("https://moodle.example.edu/mod/lti/certs.php", saved.JwksUri);
        Assert.Equal("cli", saved.RegistrationSource);
        Assert.Equal(DeploymentPolicies.Approve, saved.DeploymentPolicy);

        Assert.Equal(0, await RunAsync(platforms, service, "platforms list"));
        Assert.Contains("https://moodle.example.edu\tabc", output.ToString(), StringComparison.Ordinal);

        await service.Services.GetRequiredService<PlatformStore>().EnsureDeploymentAsync(saved.Id, "8", DeploymentStatuses.Pending, Cancel);
        Assert.Equal(0, await RunAsync(deployments, service, $"deployments approve --platform {saved.Id} --deployment 8"));
        Assert.Equal(0, await RunAsync(deployments, service, $"deployments list --platform {saved.Id}"));
        Assert.Contains("8\tactive", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync(deployments, service, $"deployments remove --platform {saved.Id} --deployment 7"));
        Assert.Null(await service.Services.GetRequiredService<PlatformStore>().FindDeploymentAsync(saved.Id, "7", Cancel));

        Assert.Equal(0, await RunAsync(platforms, service, $"platforms remove --id {saved.Id}"));
        Assert.Null(await service.Services.GetRequiredService<PlatformStore>().GetAsync(saved.Id, Cancel));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task PlatformsAdd_MissingValues_FailsWithUsageAndStoresNothing()
    {
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var error = new StringWriter();
        var command = new PlatformsCommand(new StringWriter(), error);

        var canvasWithoutTokenUrl = await RunAsync(command, service, "platforms add --family canvas --issuer https://canvas.instructure.com --client-id 1");
        var noClient = await RunAsync(command, service, "platforms add --issuer https://lms.example.org");

        Assert.Equal(CliApp.ExitUsage, canvasWithoutTokenUrl);
        Assert.Equal(CliApp.ExitUsage, noClient);
        Assert.Contains("--token-url", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await service.Services.GetRequiredService<PlatformStore>().ListAsync(Cancel));
    }

    [Fact]
    public async Task KeysRotate_PublishesTheNewAndTheOldKey()
    {
        await using var service = await TestService.StartAsync(cancellationToken: Cancel);
        var provider = service.Services.GetRequiredService<KeyRingToolKeySetProvider>();
        var before = (await provider.GetKeySetAsync(Cancel)).ActiveKid;

        Assert.Equal(0, await RunAsync(new KeysCommand(new StringWriter(), new StringWriter()), service, "keys rotate --purpose lti --overlap-days 3"));
        var after = await provider.GetKeySetAsync(Cancel);

        Assert.NotEqual(before, after.ActiveKid);
        Assert.Contains(before, after.Keys.Select(k => k.Kid));
    }

    [Fact]
    public async Task RegistrationInfo_PrintsTheUrlsAnAdminPastes()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { ["Service:PublicBaseUrl"] = "https://badges.example.edu" }, cancellationToken: Cancel);
        var output = new StringWriter();

        Assert.Equal(0, await RunAsync(new RegistrationInfoCommand(output), service, "registration-info"));

        var text = output.ToString();
        Assert.Contains("https://badges.example.edu/lti/launch", text, StringComparison.Ordinal);
        Assert.Contains("https://badges.example.edu/lti/login", text, StringComparison.Ordinal);
        Assert.Contains("https://badges.example.edu/.well-known/jwks.json", text, StringComparison.Ordinal);
        Assert.Contains("https://badges.example.edu/lti/register", text, StringComparison.Ordinal);
        Assert.Contains("\"oidc_initiation_url\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformFiles_AreLoadedAtStart_ExamplesAndBrokenFilesAreNot()
    {
        var directory = Directory.CreateTempSubdirectory("ltibb-platforms-");
        try
        {
            using var platform = EmulatedPlatform.StartMoodle();
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "moodle.json"), $$"""
                { "issuer": "{{platform.Issuer}}", "clientId": "{{platform.ClientId}}", "productFamily": "moodle",
                  "authorizationEndpoint": "{{platform.AuthorizationEndpoint}}", "tokenEndpoint": "{{platform.TokenEndpoint}}",
                  "jwksUri": "{{platform.JwksUri}}", "deployments": ["{{platform.DeploymentId}}"] }
                """, Cancel);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "other.example.json"), """{ "issuer": "https://example.org", "clientId": "x", "authorizationEndpoint": "https://example.org/a", "tokenEndpoint": "https://example.org/t", "jwksUri": "https://example.org/k" }""", Cancel);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "broken.json"), "{ not json", Cancel);

            await using var service = await TestService.StartAsync(new Dictionary<string, string?> { ["Lti:PlatformsDirectory"] = directory.FullName }, cancellationToken: Cancel);

            var stored = await service.Services.GetRequiredService<PlatformStore>().ListAsync(Cancel);
            var loaded = Assert.Single(stored);
            Assert.Equal(platform.Issuer, loaded.Issuer);
            Assert.Equal("file", loaded.RegistrationSource);
            Assert.NotNull(await service.Services.GetRequiredService<PlatformStore>().FindDeploymentAsync(loaded.Id, platform.DeploymentId, Cancel));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RepositoryExamples_AreValidPlatformFiles()
    {
        var directory = Path.Combine(Deploy.RepositoryFiles.Root, "config", "platforms");
        foreach (var name in new[] { "canvas.example.json", "moodle.example.json" })
        {
            var json = await File.ReadAllTextAsync(Path.Combine(directory, name), Cancel);
            var file = System.Text.Json.JsonSerializer.Deserialize<PlatformFile>(json, FileJson);
            Assert.NotNull(file);
            Assert.Null(PlatformFileLoader.Validate(file));
        }
    }

    [Fact]
    public async Task HomePage_ShowsTheManualRegistrationValues()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { ["Service:PublicBaseUrl"] = "https://badges.example.edu" }, cancellationToken: Cancel);
        using var client = service.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Contains("https://badges.example.edu/lti/login", html, StringComparison.Ordinal);
        Assert.Contains("https://badges.example.edu/lti/launch", html, StringComparison.Ordinal);
        Assert.Contains("https://badges.example.edu/.well-known/jwks.json", html, StringComparison.Ordinal);
        Assert.Contains("https://badges.example.edu/lti/register", html, StringComparison.Ordinal);
        Assert.Contains("https://badges.example.edu/lti/config/canvas.json", html, StringComparison.Ordinal);
    }

    private static Task<int> RunAsync(IOperatorCommand command, TestService service, string line)
    {
        var commandLine = CommandLine.Parse(line.Split(' '));
        return command.RunAsync(service.Services, commandLine.Command.Skip(1).ToList(), commandLine, Cancel);
    }
}
