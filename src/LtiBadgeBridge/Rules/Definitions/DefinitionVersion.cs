using System.Security.Cryptography;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>
/// The content version of a definition: <c>sha256:</c> and the hex SHA-256 of its canonical JSON (documented
/// key order, defaults left out, text trimmed with \n line ends). The same definition written in YAML or
/// JSON, with other layout, comments, quoting or key order, has the same version; any change of metadata
/// or rules gives a new one. Stores key rule-set versions by it and an award records the version that granted it.
/// </summary>
public static class DefinitionVersion
{
    public const string Prefix = "sha256:";

    public static string Compute(AchievementDefinition definition) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(AchievementDefinitionWriter.ToCanonicalJson(definition)));
}
