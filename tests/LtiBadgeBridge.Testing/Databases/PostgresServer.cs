using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace LtiBadgeBridge.Testing.Databases;

/// <summary>
/// A PostgreSQL server for tests. Uses <c>LTIBB_TEST_PG</c> (a connection string to a server where the
/// user may create databases) when set; otherwise starts a private throwaway cluster from the local
/// binaries (<c>initdb</c>/<c>pg_ctl</c> on PATH or under <c>/usr/lib/postgresql/*/bin</c>) on a free
/// loopback port, and removes it when the test process exits. When neither works, tests fail under
/// <c>CI=true</c> and are skipped with the reason otherwise.
/// </summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _adminConnectionString;
    private static string? _unavailableReason;

    /// <summary>A connection string to a new, empty database.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        var admin = await GetAdminConnectionStringAsync(cancellationToken);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 }.ToString();
    }

    /// <summary>The admin connection string, starting the throwaway cluster on first use.</summary>
    public static async Task<string> GetAdminConnectionStringAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_adminConnectionString is not null)
            {
                return _adminConnectionString;
            }

            if (_unavailableReason is null)
            {
                try
                {
                    _adminConnectionString = Environment.GetEnvironmentVariable("LTIBB_TEST_PG") is { Length: > 0 } fromEnvironment
                        ? fromEnvironment
                        : await StartClusterAsync(cancellationToken);
                    return _adminConnectionString;
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or NpgsqlException)
                {
                    _unavailableReason = ex.Message;
                }
            }

            var message = $"PostgreSQL is not available for the contract tests: {_unavailableReason} " +
                "Set LTIBB_TEST_PG to a connection string, or install PostgreSQL (initdb, pg_ctl).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message);
            }

            Assert.Skip(message);
            throw new UnreachableException();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartClusterAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException("initdb and pg_ctl were not found on PATH or under /usr/lib/postgresql/*/bin.");
        var directory = Path.Combine(Path.GetTempPath(), $"ltibb-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(directory);
        var runAs = RunAsUser();
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, directory], null, cancellationToken);
        }

        var dataDirectory = Path.Combine(directory, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], runAs, cancellationToken);
        var port = FreePort();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", dataDirectory, "-o", options, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"], runAs, cancellationToken);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], runAs, CancellationToken.None).GetAwaiter().GetResult();
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Best effort: a leftover folder in /tmp is harmless.
            }
        };

        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true";
    }

    private static string? FindBinDirectory()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            foreach (var version in Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal))
            {
                var bin = Path.Combine(version, "bin");
                if (File.Exists(Path.Combine(bin, "initdb")))
                {
                    return bin;
                }
            }
        }

        return null;
    }

    /// <summary>initdb refuses to run as root: run it as the postgres user then.</summary>
    private static string? RunAsUser()
    {
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            return null;
        }

        return File.ReadAllLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal))
            ? "postgres"
            : throw new InvalidOperationException("running as root and there is no 'postgres' user to run initdb as.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string fileName, string[] arguments, string? runAs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAs is null ? fileName : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
        }
    }
}
