using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Testing;

namespace LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;

/// <summary>
/// One context cache per test run, filled by importing the vectors' context folder into a temporary directory
/// (exactly what the import command does), with a processor over it.
/// </summary>
internal static class ImportedContexts
{
    private static readonly Lazy<(ContextCache Cache, JsonLdProcessor Processor)> Instance = new(Create);

    public static ContextCache Cache => Instance.Value.Cache;

    public static JsonLdProcessor Processor => Instance.Value.Processor;

    public static string NewTemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "ltibb-contexts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temporary folder is left for the OS to clean.
            }
        };
        return path;
    }

    private static (ContextCache, JsonLdProcessor) Create()
    {
        var cache = new ContextCache(new ContextCacheOptions { Directory = NewTemporaryDirectory() });
        var report = cache.ImportDirectory(TestVectors.Path("ob3", "contexts"));
        if (report.Refused.Count > 0 || report.Missing.Count > 0)
        {
            throw new InvalidOperationException("The vector contexts did not import cleanly.");
        }

        return (cache, new JsonLdProcessor(cache));
    }
}
