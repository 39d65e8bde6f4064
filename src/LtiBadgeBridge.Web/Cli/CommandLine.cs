using LtiBadgeBridge.Web.Hosting;

namespace LtiBadgeBridge.Web.Cli;

/// <summary>
/// The parsed command line: a command (words before the first option), a role override and the
/// remaining arguments, which go to ASP.NET Core's configuration (e.g. <c>--Database:ConnectionString=...</c>).
/// </summary>
internal sealed record CommandLine(IReadOnlyList<string> Command, string? Role, string[] HostArgs)
{
    public static CommandLine Parse(string[] args)
    {
        var command = new List<string>();
        var rest = new List<string>();
        string? role = null;
        var i = 0;
        while (i < args.Length && !args[i].StartsWith('-'))
        {
            command.Add(args[i]);
            i++;
        }

        for (; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--role" && i + 1 < args.Length)
            {
                role = args[++i];
            }
            else if (arg.StartsWith("--role=", StringComparison.Ordinal))
            {
                role = arg["--role=".Length..];
            }
            else if (arg is "--version" or "-v")
            {
                command.Insert(0, "version");
            }
            else if (arg is "--help" or "-h")
            {
                command.Insert(0, "help");
            }
            else
            {
                rest.Add(arg);
            }
        }

        if (role is not null)
        {
            rest.Add($"--{ServiceOptions.SectionName}:Role={role}");
        }

        return new CommandLine(command, role, [.. rest]);
    }

    /// <summary>The option value after <paramref name="name"/> (e.g. <c>--issuer</c>) among the host args, if any.</summary>
    public string? Option(string name)
    {
        for (var i = 0; i < HostArgs.Length; i++)
        {
            if (HostArgs[i] == name && i + 1 < HostArgs.Length)
            {
                return HostArgs[i + 1];
            }

            if (HostArgs[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return HostArgs[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
