using System.Reflection;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Web.Hosting;

namespace LtiBadgeBridge.Web.Cli;

/// <summary>The executable's entry: runs the service or an operator command.</summary>
internal static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitUsage = 64;
    public const int ExitConfig = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var commandLine = CommandLine.Parse(args);
        var command = commandLine.Command.Count == 0 ? "serve" : commandLine.Command[0];
        try
        {
            return command switch
            {
                "serve" or "run" => await ServeAsync(commandLine, null),
                "migrate" => await MigrateAsync(commandLine),
                "demo" => await Demo.DemoCommand.RunAsync(commandLine),
                "version" => Version(),
                "config" when commandLine.Command.Count > 1 && commandLine.Command[1] == "check" => await ConfigCheckAsync(commandLine),
                "help" => Help(ExitOk),
                _ => await RunOperatorCommandAsync(command, commandLine),
            };
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitConfig;
        }
    }

    private static async Task<int> ServeAsync(CommandLine commandLine, HostRole? role)
    {
        var app = BuildOrFail(commandLine, role);
        await using (app)
        {
            await ServiceHost.PrepareAsync(app, CancellationToken.None);
            if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServiceOptions>>().Value.ParsedRole == HostRole.Migrate)
            {
                return await ReportMigratedAsync(app);
            }

            ServiceHost.MapEndpoints(app);
            await app.RunAsync();
            return ExitOk;
        }
    }

    private static async Task<int> MigrateAsync(CommandLine commandLine)
    {
        var app = BuildOrFail(commandLine, HostRole.Migrate);
        await using (app)
        {
            await ServiceHost.PrepareAsync(app, CancellationToken.None);
            return await ReportMigratedAsync(app);
        }
    }

    private static async Task<int> ReportMigratedAsync(WebApplication app)
    {
        var migrator = app.Services.GetRequiredService<Migrator>();
        var database = app.Services.GetRequiredService<Database>();
        Console.WriteLine($"{database.Description}: schema version {await migrator.CurrentVersionAsync(CancellationToken.None)}");
        return ExitOk;
    }

    private static async Task<int> ConfigCheckAsync(CommandLine commandLine)
    {
        var app = BuildOrFail(commandLine, null);
        await using (app)
        {
            var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>();
            _ = options.Value;
            var database = app.Services.GetRequiredService<Database>();
            var migrator = app.Services.GetRequiredService<Migrator>();
            var role = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServiceOptions>>().Value.Role;
            int current;
            try
            {
                current = await migrator.CurrentVersionAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or System.Net.Sockets.SocketException)
            {
                throw new StartupException($"Database:ConnectionString: cannot reach {database.Description} ({ex.Message}).", ex);
            }

            Console.WriteLine($"role: {role}");
            Console.WriteLine($"database: {database.Description}");
            Console.WriteLine($"schema: {current} of {migrator.LatestVersion}{(current < migrator.LatestVersion ? " (run 'migrate')" : "")}");
            Console.WriteLine("configuration: ok");
            return ExitOk;
        }
    }

    private static async Task<int> RunOperatorCommandAsync(string name, CommandLine commandLine)
    {
        var command = OperatorCommands.All.FirstOrDefault(c => c.Name == name);
        if (command is null)
        {
            return Unknown(name);
        }

        var app = BuildOrFail(commandLine, HostRole.Migrate);
        await using (app)
        {
            await ServiceHost.PrepareAsync(app, CancellationToken.None);
            return await command.RunAsync(app.Services, commandLine.Command.Skip(1).ToList(), commandLine, CancellationToken.None);
        }
    }

    private static WebApplication BuildOrFail(CommandLine commandLine, HostRole? role)
    {
        try
        {
            return ServiceHost.Build(commandLine.HostArgs, role);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new StartupException(ServiceHost.DescribeFailures(ex), ex);
        }
    }

    private static int Version()
    {
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Console.WriteLine($"LtiBadgeBridge {version}");
        return ExitOk;
    }

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"error: unknown command '{command}'. Run with --help for the list.");
        return ExitUsage;
    }

    private static int Help(int exitCode)
    {
        Console.WriteLine("""
            LtiBadgeBridge — LTI 1.3 tool issuing Open Badges 3.0 credentials.

            Usage: LtiBadgeBridge.Web [command] [--role all|web|worker|migrate] [--Section:Key=value ...]

            Commands:
              serve              run the service (default); the role decides web, jobs or both
              migrate            apply database migrations and exit
              config check       validate settings and reach the database, then exit
              version            print the version
              demo               run the service with a built-in emulated Canvas pilot course (docs/demo.md)
            {0}

            Settings come from appsettings.json, environment variables (Database__ConnectionString)
            and the command line (--Database:ConnectionString=...). See config/ for every setting.
            """.Replace("{0}", string.Join(Environment.NewLine, OperatorCommands.All.Select(c => $"  {c.Name,-18} {c.Usage}")), StringComparison.Ordinal));
        return exitCode;
    }
}
