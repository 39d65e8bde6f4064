using LtiBadgeBridge.Testing.Service;

namespace LtiBadgeBridge.Tests.Integration.Hosting;

/// <summary>A wrong setting stops the start with one clear line and exit code 2, never a stack trace.</summary>
public sealed class StartupErrorTests
{
    public static TheoryData<string[], string> BadStarts => new()
    {
        { ["--role", "banana"], "Service:Role must be one of all, web, worker, migrate" },
        { ["--Database:ConnectionString=Host=127.0.0.1;Port=1;Database=x;Username=u;Password=p;Timeout=3"], "Database:ConnectionString: cannot reach PostgreSQL 127.0.0.1:1/x" },
        { ["--Database:ConnectionString=this is not a connection string"], "Database:ConnectionString is not a valid PostgreSQL connection string" },
        { ["--Database:DataDirectory=/proc/ltibb-cannot-write-here"], "Database:DataDirectory '/proc/ltibb-cannot-write-here' is not writable" },
        { ["--Jobs:WorkerCount=0"], "Jobs:WorkerCount must be between 1 and 200." },
        { ["--role", "worker"], "Service:Role 'worker' needs PostgreSQL" },
    };

    [Theory]
    [MemberData(nameof(BadStarts))]
    public async Task Start_WithABadSetting_StopsWithOneClearLine(string[] args, string expected)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"ltibb-bad-{Guid.NewGuid():N}");
        string[] withData = args.Any(a => a.StartsWith("--Database:DataDirectory", StringComparison.Ordinal)) ? args : [.. args, $"--Database:DataDirectory={dataDirectory}"];

        var (exitCode, output) = await ServiceProcess.RunAsync(withData, null, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var errorLines = output.Split(Environment.NewLine).Where(l => l.StartsWith("stderr:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(errorLines);
        Assert.StartsWith("stderr: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var (exitCode, output) = await ServiceProcess.RunAsync(["frobnicate"], null, TestContext.Current.CancellationToken);

        Assert.Equal(64, exitCode);
        Assert.Contains("unknown command 'frobnicate'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var (exitCode, output) = await ServiceProcess.RunAsync(["version"], null, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("LtiBadgeBridge ", output, StringComparison.Ordinal);
    }
}
