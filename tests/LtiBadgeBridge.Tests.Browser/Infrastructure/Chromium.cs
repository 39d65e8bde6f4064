using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright: <c>/usr/bin/chromium</c>, or the file named by <c>LTIBB_CHROMIUM</c>.
/// Playwright never downloads a browser of its own here; a missing Chromium fails the suite with how to install it.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "LTIBB_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;

    /// <summary>Starts Playwright's driver (its bundled node, offline) and headless Chromium with <paramref name="extraArgs"/>.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(IEnumerable<string>? extraArgs = null)
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. The browser tests drive Debian's Chromium: install it with `apt-get install chromium` "
                + $"(.ci/run does this), or point {PathVariable} at a Chromium executable.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var args = new List<string> { "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run" };
            if (RunsAsRoot())
            {
                // Chromium's sandbox refuses to start as root (CI runs as root); elsewhere it stays on.
                args.Add("--no-sandbox");
            }

            args.AddRange(extraArgs ?? []);
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = args,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Whether the effective user id is 0 (the second field of <c>Uid:</c> in /proc/self/status).</summary>
    private static bool RunsAsRoot()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var uid = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return uid?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) is [_, _, "0", ..];
    }
}
