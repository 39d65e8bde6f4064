using System.Globalization;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>The path convention shared by the reader (which records positions) and the validator (which reports them).</summary>
internal static class RulePaths
{
    public const string Root = "rules";

    public static string Child(string parent, Rule rule, int index) => rule switch
    {
        AllRule => Index(parent + "." + RuleKinds.All, index),
        AnyRule => Index(parent + "." + RuleKinds.Any, index),
        _ => Index(parent + ".of", index),
    };

    public static string Index(string path, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public static string Field(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
