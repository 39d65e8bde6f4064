using LtiBadgeBridge.Lti;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>Loads <c>Lti:PlatformsDirectory</c> (default <c>config/platforms</c> under the content root, when it
/// exists) at start. A bad file is logged with its problem and skipped; the service still starts.</summary>
internal sealed class PlatformFilesHostedService(
    PlatformFileLoader loader, IOptions<LtiWebOptions> options, IHostEnvironment environment, ILogger<PlatformFilesHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = ResolveDirectory(options.Value.PlatformsDirectory, environment.ContentRootPath);
        if (directory is null)
        {
            return;
        }

        foreach (var result in await loader.LoadDirectoryAsync(directory, cancellationToken))
        {
            if (result.Problem is null)
            {
                LtiWebLog.PlatformFileLoaded(logger, result.FileName, result.PlatformId);
            }
            else
            {
                LtiWebLog.PlatformFileFailed(logger, result.FileName, result.Problem);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static string? ResolveDirectory(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var fallback = Path.Combine(contentRoot, "config", "platforms");
        return Directory.Exists(fallback) ? fallback : null;
    }
}
