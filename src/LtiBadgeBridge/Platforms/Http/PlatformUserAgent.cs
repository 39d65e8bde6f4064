using System.Reflection;

namespace LtiBadgeBridge.Platforms.Http;

/// <summary>The default User-Agent of the LMS clients: <c>LtiBadgeBridge/&lt;version&gt;</c>.</summary>
public static class PlatformUserAgent
{
    public static string Default { get; } = Create();

    private static string Create()
    {
        var assembly = typeof(PlatformUserAgent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return "LtiBadgeBridge/" + (plus > 0 ? version[..plus] : version);
    }
}
