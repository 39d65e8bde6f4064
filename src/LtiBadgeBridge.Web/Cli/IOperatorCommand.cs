namespace LtiBadgeBridge.Web.Cli;

/// <summary>
/// An operator command on the executable (<c>LtiBadgeBridge.Web platforms list</c>). It runs against
/// the configured, migrated database with the application's services, and no HTTP server.
/// Register new commands in <see cref="OperatorCommands.All"/>.
/// </summary>
internal interface IOperatorCommand
{
    /// <summary>The first word, e.g. <c>platforms</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>: the sub-commands and what they do.</summary>
    string Usage { get; }

    /// <summary>
    /// Runs the command. <paramref name="words"/> are the words after the name (<c>add</c>, <c>list</c>...);
    /// options are read with <see cref="CommandLine.Option"/>. Returns the exit code; writes results to
    /// stdout and errors as one line to stderr.
    /// </summary>
    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken);
}
