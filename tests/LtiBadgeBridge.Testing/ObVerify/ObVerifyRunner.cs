using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace LtiBadgeBridge.Testing.ObVerify;

/// <summary>
/// Runs <c>shared/tools/ob-verify</c> (the Digital Credentials Consortium's verifier libraries, jose and Ajv) on
/// files we produce. The tool is copied out of the read-only shared folder and installed with
/// <c>npm ci --no-audit --no-fund</c> once per package-lock (cached under the temp dir as
/// <c>ltibb-ob-verify-&lt;hash&gt;</c>, reused across test runs). Without Node/npm the runner is unavailable:
/// tests skip, except under <c>CI=true</c> where that is an error.
/// </summary>
public sealed class ObVerifyRunner
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static string? _installed;
    private readonly string _installDirectory;

    private ObVerifyRunner(string installDirectory) => _installDirectory = installDirectory;

    /// <summary>The tool source: <c>LTIBB_OB_VERIFY</c>, else <c>shared/tools/ob-verify</c> beside the vectors.</summary>
    public static string ToolSource =>
        Environment.GetEnvironmentVariable("LTIBB_OB_VERIFY") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.GetFullPath(Path.Combine(TestVectors.Directory, "..", "tools", "ob-verify"));

    /// <summary>
    /// The installed runner, or null with the reason when Node/npm or the tool is missing. Under <c>CI=true</c>
    /// a missing prerequisite throws instead, so CI cannot silently skip interop.
    /// </summary>
    public static async Task<(ObVerifyRunner? Runner, string? Reason)> TryCreateAsync(CancellationToken cancellationToken)
    {
        var reason = await MissingPrerequisiteAsync(cancellationToken);
        if (reason is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"ob-verify cannot run: {reason}. CI=true requires it (install Node.js 20+ with npm).");
            }

            return (null, $"ob-verify skipped: {reason}");
        }

        return (new ObVerifyRunner(await InstallAsync(cancellationToken)), null);
    }

    /// <summary>Runs <c>node ob-verify.mjs --json ...</c> and parses its verdict.</summary>
    public async Task<ObVerifyReport> VerifyAsync(ObVerifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var args = new List<string> { Path.Combine(_installDirectory, "ob-verify.mjs"), "--json" };
        args.AddRange(["--schema", request.Schema ?? TestVectors.Path("ob3", "schema")]);
        if (request.Jwks is not null)
        {
            args.AddRange(["--jwks", request.Jwks]);
        }

        foreach (var doc in request.DidDocuments)
        {
            args.AddRange(["--did-doc", doc]);
        }

        foreach (var (url, file) in request.Statics)
        {
            args.AddRange(["--static", url + "=" + file]);
        }

        args.AddRange(request.Files);
        var (exit, stdout, stderr) = await RunAsync("node", args, _installDirectory, TimeSpan.FromMinutes(2), cancellationToken);
        if (exit == 2 || string.IsNullOrWhiteSpace(stdout))
        {
            throw new InvalidOperationException($"ob-verify failed to run (exit {exit}): {stderr}{stdout}");
        }

        var report = JsonSerializer.Deserialize<ObVerifyReport>(stdout)
            ?? throw new InvalidOperationException("ob-verify printed no JSON.");
        return report with { ExitCode = exit, StandardError = stderr.Trim() };
    }

    /// <summary>
    /// Signs <paramref name="credentialJson"/> with the reference Data Integrity libraries (see
    /// <see cref="ReferenceDataIntegritySigner"/>): Ed25519 key from its 32-byte <paramref name="seed"/>,
    /// proof.verificationMethod <paramref name="verificationMethod"/>; <paramref name="contexts"/> pre-loads
    /// contexts the loader does not bundle (URL -> document JSON).
    /// </summary>
    public async Task<string> SignDataIntegrityAsync(
        string credentialJson, ReadOnlyMemory<byte> seed, string verificationMethod, DateTimeOffset? created,
        IReadOnlyDictionary<string, string>? contexts, CancellationToken cancellationToken)
    {
        var request = new System.Text.Json.Nodes.JsonObject
        {
            ["credential"] = System.Text.Json.Nodes.JsonNode.Parse(credentialJson),
            ["seedHex"] = Convert.ToHexStringLower(seed.Span),
            ["verificationMethod"] = verificationMethod,
            ["contexts"] = new System.Text.Json.Nodes.JsonObject(
                (contexts ?? new Dictionary<string, string>()).Select(c => KeyValuePair.Create(c.Key, System.Text.Json.Nodes.JsonNode.Parse(c.Value)))),
        };
        if (created is { } time)
        {
            request["created"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        var script = ReferenceDataIntegritySigner.EnsureScript(_installDirectory);
        var (exit, stdout, stderr) = await RunAsync("node", [script], _installDirectory, TimeSpan.FromMinutes(2), cancellationToken, request.ToJsonString());
        return exit == 0 ? stdout : throw new InvalidOperationException($"Reference Data Integrity signing failed (exit {exit}): {stderr}");
    }

    private static async Task<string?> MissingPrerequisiteAsync(CancellationToken cancellationToken)
    {
        string source;
        try
        {
            source = ToolSource;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }

        if (!File.Exists(Path.Combine(source, "package-lock.json")))
        {
            return $"the tool is not at {source}";
        }

        foreach (var tool in new[] { "node", "npm" })
        {
            try
            {
                var (exit, _, _) = await RunAsync(tool, ["--version"], source, TimeSpan.FromSeconds(30), cancellationToken);
                if (exit != 0)
                {
                    return $"'{tool} --version' exited with {exit}";
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return $"'{tool}' is not on PATH";
            }
        }

        return null;
    }

    private static async Task<string> InstallAsync(CancellationToken cancellationToken)
    {
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (_installed is not null)
            {
                return _installed;
            }

            var source = ToolSource;
            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(source, "package-lock.json"), cancellationToken)))[..16];
            var target = Path.Combine(Path.GetTempPath(), "ltibb-ob-verify-" + hash);
            var marker = Path.Combine(target, ".ltibb-installed");
            if (!File.Exists(marker))
            {
                var staging = target + ".staging-" + Guid.NewGuid().ToString("N")[..8];
                CopyDirectory(source, staging);
                var (exit, stdout, stderr) = await RunAsync(
                    "npm", ["ci", "--no-audit", "--no-fund"], staging, TimeSpan.FromMinutes(5), cancellationToken);
                if (exit != 0)
                {
                    Directory.Delete(staging, recursive: true);
                    throw new InvalidOperationException($"npm ci for ob-verify failed (exit {exit}): {stderr}{stdout}");
                }

                await File.WriteAllTextAsync(Path.Combine(staging, ".ltibb-installed"), hash, cancellationToken);
                try
                {
                    if (Directory.Exists(target))
                    {
                        Directory.Delete(target, recursive: true); // a half-copied earlier attempt without marker
                    }

                    Directory.Move(staging, target);
                }
                catch (IOException) when (File.Exists(marker))
                {
                    Directory.Delete(staging, recursive: true); // another process won the race
                }
            }

            _installed = target;
            return target;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            if (Path.GetFileName(dir) is not "node_modules")
            {
                CopyDirectory(dir, Path.Combine(target, Path.GetFileName(dir)));
            }
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken,
        string? standardInput = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException e)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}.", e);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
