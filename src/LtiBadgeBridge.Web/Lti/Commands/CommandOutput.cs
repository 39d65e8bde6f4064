namespace LtiBadgeBridge.Web.Lti.Commands;

/// <summary>Where an operator command writes: stdout and stderr unless a test passes its own writers.</summary>
internal sealed class CommandOutput(TextWriter? output = null, TextWriter? error = null)
{
    public TextWriter Out { get; } = output ?? Console.Out;

    public TextWriter Error { get; } = error ?? Console.Error;

    public async Task<int> FailAsync(string message, int exitCode = Cli.CliApp.ExitUsage)
    {
        await Error.WriteLineAsync("error: " + message);
        return exitCode;
    }
}
