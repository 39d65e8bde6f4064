namespace LtiBadgeBridge.Testing;

/// <summary>
/// Finds the shared test vectors. CI clones the repository with <c>shared/</c> beside it, so the
/// vectors live at <c>../shared/vectors</c> relative to the repository root. The environment
/// variable <c>LTIBB_VECTORS</c> overrides the search.
/// </summary>
public static class TestVectors
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The absolute path of the vectors folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>An absolute path inside the vectors folder, e.g. <c>Path("rdfc", "manifest.jsonld")</c>.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LTIBB_VECTORS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new InvalidOperationException($"LTIBB_VECTORS points at '{fromEnvironment}', which does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "vectors");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "The shared test vectors were not found. They are expected at ../shared/vectors beside the repository " +
            "(CI places shared/ next to the clone), or at the path named by the LTIBB_VECTORS environment variable.");
    }
}
