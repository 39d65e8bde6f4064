using System.Text.Json;
using LtiBadgeBridge.Registrations;

namespace LtiBadgeBridge.Lti;

/// <summary>Loads platform registrations from a directory of JSON files (<see cref="PlatformFile"/>), one
/// registration per file. Files named <c>*.example.json</c> are documentation and are skipped. Loading is an
/// upsert: running it again changes nothing; removing a file does not remove the registration.</summary>
public sealed class PlatformFileLoader(PlatformStore platforms)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads every file; returns one line per file saying what happened (errors included, never thrown).</summary>
    public async Task<IReadOnlyList<PlatformFileResult>> LoadDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        var results = new List<PlatformFileResult>();
        if (!Directory.Exists(directory))
        {
            return results;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (path.EndsWith(".example.json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            results.Add(await LoadFileAsync(path, cancellationToken));
        }

        return results;
    }

    public async Task<PlatformFileResult> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        PlatformFile? file;
        try
        {
            await using var stream = File.OpenRead(path);
            file = await JsonSerializer.DeserializeAsync<PlatformFile>(stream, JsonOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            return PlatformFileResult.Failed(fileName, $"not valid JSON ({ex.Message})");
        }
        catch (IOException ex)
        {
            return PlatformFileResult.Failed(fileName, $"cannot be read ({ex.Message})");
        }

        if (file is null)
        {
            return PlatformFileResult.Failed(fileName, "is empty");
        }

        var problem = Validate(file);
        if (problem is not null)
        {
            return PlatformFileResult.Failed(fileName, problem);
        }

        var saved = await platforms.UpsertAsync(
            new Registrations.PlatformRegistration
            {
                Issuer = file.Issuer!,
                ClientId = file.ClientId!,
                Name = string.IsNullOrWhiteSpace(file.Name) ? Path.GetFileNameWithoutExtension(path) : file.Name,
                ProductFamily = file.ProductFamily ?? ProductFamilies.Other,
                AuthorizationEndpoint = file.AuthorizationEndpoint!,
                TokenEndpoint = file.TokenEndpoint!,
                TokenAudience = string.IsNullOrWhiteSpace(file.TokenAudience) ? null : file.TokenAudience,
                JwksUri = file.JwksUri!,
                DeploymentPolicy = file.DeploymentPolicy ?? DeploymentPolicies.Auto,
                RegistrationSource = "file",
            },
            cancellationToken);
        foreach (var deployment in file.Deployments ?? [])
        {
            if (!string.IsNullOrWhiteSpace(deployment))
            {
                await platforms.EnsureDeploymentAsync(saved.Id, deployment, DeploymentStatuses.Active, cancellationToken);
            }
        }

        return new PlatformFileResult(fileName, saved.Id, null);
    }

    /// <summary>What is wrong with the file, or null.</summary>
    public static string? Validate(PlatformFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (string.IsNullOrWhiteSpace(file.Issuer) || string.IsNullOrWhiteSpace(file.ClientId))
        {
            return "needs issuer and clientId";
        }

        foreach (var (name, value) in new[] { ("authorizationEndpoint", file.AuthorizationEndpoint), ("tokenEndpoint", file.TokenEndpoint), ("jwksUri", file.JwksUri) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                return $"{name} must be an absolute http(s) URL";
            }
        }

        if (file.ProductFamily is not (null or ProductFamilies.Canvas or ProductFamilies.Moodle or ProductFamilies.Other))
        {
            return "productFamily must be canvas, moodle or other";
        }

        if (file.DeploymentPolicy is not (null or DeploymentPolicies.Auto or DeploymentPolicies.Approve))
        {
            return "deploymentPolicy must be auto or approve";
        }

        return null;
    }
}

/// <summary>The outcome for one file: the stored registration id, or the problem.</summary>
public sealed record PlatformFileResult(string FileName, long? PlatformId, string? Problem)
{
    public static PlatformFileResult Failed(string fileName, string problem) => new(fileName, null, problem);
}
