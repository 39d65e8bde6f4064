namespace LtiBadgeBridge.Tests.Browser.Infrastructure;

/// <summary>Where screenshots go: <c>artifacts/screenshots/&lt;test&gt;.png</c> under the repository root (gitignored).</summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LtiBadgeBridge.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    /// <summary>The file for the current test, e.g. <c>LaunchTests.Learner_LandsOnTheLearnerPage.png</c>.</summary>
    public static string PathForCurrentTest(string? suffix = null)
    {
        var test = TestContext.Current.Test;
        var name = test is null
            ? "unnamed"
            : $"{test.TestCase.TestClassSimpleName}.{test.TestCase.TestMethodName}";
        if (test is not null && test.TestDisplayName.IndexOf('(', StringComparison.Ordinal) is var open and >= 0)
        {
            name += test.TestDisplayName[open..];
        }

        name += suffix is null ? "" : "." + suffix;
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return Path.Combine(Folder.Value, safe + ".png");
    }
}
