using LtiBadgeBridge.Web.Cli;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Lti.Commands;

/// <summary><c>registration-info</c>: what an admin pastes into Canvas or Moodle to register the tool by hand.</summary>
internal sealed class RegistrationInfoCommand(TextWriter? output = null) : IOperatorCommand
{
    private readonly CommandOutput _io = new(output);

    public string Name => "registration-info";

    public string Usage => "print the URLs and Canvas JSON an LMS admin needs (set Service:PublicBaseUrl first)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var urls = services.GetRequiredService<LtiUrls>();
        var web = services.GetRequiredService<IOptions<LtiWebOptions>>().Value;
        await _io.Out.WriteLineAsync($"""
            Tool URL / redirect URI (launch):  {urls.Launch.AbsoluteUri}
            Initiate login URL:                {urls.Login(null).AbsoluteUri}
            Public key set (JWKS) URL:         {urls.Jwks(null).AbsoluteUri}
            Dynamic registration URL:          {urls.Register(null).AbsoluteUri}
            Canvas JSON configuration URL:     {urls.CanvasConfig(null).AbsoluteUri}

            Moodle (Site administration > Plugins > Activity modules > External tool > Manage tools > configure a tool manually):
              LTI version 1.3, Public key type: Keyset URL, Tool URL / Redirection URI(s) = the launch URL above,
              Initiate login URL and Public keyset as above; enable Deep Linking; services: grades (AGS) and names/roles (NRPS).

            Canvas developer key JSON:
            {CanvasConfiguration.Build(urls, web, null).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })}
            """);
        return Cli.CliApp.ExitOk;
    }
}
