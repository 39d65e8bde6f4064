using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Jobs;
using LtiBadgeBridge.Web.Hosting;

namespace LtiBadgeBridge.Tests.Integration.Deploy;

/// <summary>
/// The container image, compose file, Kubernetes manifests and example settings name only settings the
/// code binds: a renamed option cannot leave a deployment silently ignoring its configuration.
/// </summary>
public sealed partial class DeploySettingsTests
{
    private static readonly HashSet<string> FrameworkSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Logging:Format",
        "Logging:LogLevel",
        "AllowedHosts",
    };

    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        [ServiceOptions.SectionName] = typeof(ServiceOptions),
        [DatabaseOptions.SectionName] = typeof(DatabaseOptions),
        [JobsOptions.SectionName] = typeof(JobsOptions),
    };

    public static TheoryData<string> DeployFiles => new()
    {
        "deploy/Dockerfile",
        "deploy/compose.yaml",
        "deploy/kubernetes/ltibadgebridge.yaml",
    };

    [Theory]
    [MemberData(nameof(DeployFiles))]
    public void DeployFile_EnvironmentSettings_AreBoundByTheCode(string file)
    {
        var text = File.ReadAllText(RepositoryFiles.Path(file.Split('/')));
        var names = EnvironmentSetting().Matches(text).Select(m => m.Value.Replace("__", ":", StringComparison.Ordinal)).Distinct().ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(IsKnown(name), $"{file} sets '{name}', which no options class binds."));
    }

    [Theory]
    [InlineData("appsettings.embedded.json")]
    [InlineData("appsettings.postgres.json")]
    public void ExampleSettings_NameOnlyBoundSettings(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("config", file)));
        var names = new List<string>();
        foreach (var section in document.RootElement.EnumerateObject())
        {
            foreach (var key in section.Value.EnumerateObject())
            {
                names.Add($"{section.Name}:{key.Name}");
            }
        }

        Assert.All(names, name => Assert.True(IsKnown(name), $"config/{file} sets '{name}', which no options class binds."));
    }

    [Fact]
    public void SettingsDocumentation_ListsEveryOption()
    {
        var documentation = File.ReadAllText(RepositoryFiles.Path("config", "README.md"));
        foreach (var (section, type) in Sections)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                Assert.Contains($"`{section}:{property.Name}`", documentation, StringComparison.Ordinal);
            }
        }
    }

    private static bool IsKnown(string name)
    {
        if (FrameworkSettings.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var parts = name.Split(':');
        return parts.Length == 2
            && Sections.TryGetValue(parts[0], out var type)
            && type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true };
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+__[A-Z][A-Za-z]+\b")]
    private static partial Regex EnvironmentSetting();
}
