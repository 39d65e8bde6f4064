using System.Text.Json;
using System.Net;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Testing;

namespace LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;

public sealed class ContextCacheTests
{
    private static readonly string VectorContexts = TestVectors.Path("ob3", "contexts");

    [Fact]
    public void ImportDirectory_VectorContexts_ImportsEveryPinnedContext()
    {
        var cache = new ContextCache(new ContextCacheOptions { Directory = ImportedContexts.NewTemporaryDirectory() });

        var report = cache.ImportDirectory(VectorContexts);

        Assert.Equal(PinnedContexts.All.Count, report.Imported.Count);
        Assert.Empty(report.Refused);
        Assert.Empty(report.Missing);
        Assert.Empty(cache.MissingContexts());
        Assert.Equal(JsonValueKind.Object, cache.Load(PinnedContexts.CredentialsV2).Document.ValueKind);
    }

    [Fact]
    public void ImportDirectory_FileWithChangedBytes_IsRefusedAndNotWritten()
    {
        var source = ImportedContexts.NewTemporaryDirectory();
        var pinned = PinnedContexts.All.Single(c => c.Url == PinnedContexts.OpenBadgesV303);
        var text = File.ReadAllText(Path.Combine(VectorContexts, pinned.FileName)).Replace("Achievement", "Achievment", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(source, pinned.FileName), text);
        var cache = new ContextCache(new ContextCacheOptions { Directory = ImportedContexts.NewTemporaryDirectory() });

        var report = cache.ImportDirectory(source);

        var refusal = Assert.Single(report.Refused);
        Assert.Equal("hash_mismatch", refusal.Code);
        Assert.Equal(PinnedContexts.OpenBadgesV303, refusal.Url);
        Assert.Empty(report.Imported);
        Assert.Contains(PinnedContexts.OpenBadgesV303, cache.MissingContexts());
    }

    [Fact]
    public void Load_MissingContext_FailsClosedNamingTheImportCommand()
    {
        var cache = new ContextCache(new ContextCacheOptions { Directory = ImportedContexts.NewTemporaryDirectory() });

        var error = Assert.Throws<JsonLdException>(() => cache.Load(PinnedContexts.CredentialsV2));

        Assert.Equal(JsonLdErrorCodes.LoadingRemoteContextFailed, error.ErrorCode);
        Assert.Contains("LtiBadgeBridge.Web contexts import <dir>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnpinnedUrl_IsRefused()
    {
        var error = Assert.Throws<JsonLdException>(() => ImportedContexts.Cache.Load("https://example.org/context.jsonld"));

        Assert.Equal(JsonLdErrorCodes.LoadingRemoteContextFailed, error.ErrorCode);
        Assert.Contains("not one of the pinned contexts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CachedFileAlteredAfterImport_IsRefused()
    {
        var directory = ImportedContexts.NewTemporaryDirectory();
        var cache = new ContextCache(new ContextCacheOptions { Directory = directory });
        cache.ImportDirectory(VectorContexts);
        var path = Path.Combine(directory, PinnedContexts.All.Single(c => c.Url == PinnedContexts.CredentialsV2).FileName);
        File.AppendAllText(path, " ");

        var error = Assert.Throws<JsonLdException>(() => cache.Load(PinnedContexts.CredentialsV2));

        Assert.Contains("does not match its pinned SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_PublishedBytes_AreStored_OtherBytesRefused()
    {
        var pinned = PinnedContexts.All.Single(c => c.Url == PinnedContexts.MultikeyV1);
        var published = await File.ReadAllBytesAsync(Path.Combine(VectorContexts, pinned.FileName), TestContext.Current.CancellationToken);
        var cache = new ContextCache(new ContextCacheOptions { Directory = ImportedContexts.NewTemporaryDirectory() });

        using (var good = new HttpClient(new StaticHandler(published)))
        {
            Assert.Null(await cache.FetchAsync(pinned.Url, good, TestContext.Current.CancellationToken));
        }

        using (var bad = new HttpClient(new StaticHandler([.. published, (byte)'\n'])))
        {
            var refusal = await cache.FetchAsync(PinnedContexts.DataIntegrityV2, bad, TestContext.Current.CancellationToken);
            Assert.Equal("hash_mismatch", refusal?.Code);
        }

        Assert.Equal(pinned.Url, cache.Load(pinned.Url).DocumentUrl);
        Assert.Contains(PinnedContexts.DataIntegrityV2, cache.MissingContexts());
    }

    [Fact]
    public void ToRdf_DocumentDeeperThanLimit_IsRejected()
    {
        JsonNode deep = new JsonObject { ["http://example.org/p"] = "leaf" };
        for (var i = 0; i < 100; i++)
        {
            deep = new JsonObject { ["http://example.org/p"] = deep };
        }

        var error = Assert.Throws<JsonLdException>(() => ImportedContexts.Processor.ToRdf(deep));

        Assert.Equal(JsonLdErrorCodes.InvalidInput, error.ErrorCode);
    }

    /// <summary>Serves fixed bytes for any request (stands in for the context's publisher).</summary>
    private sealed class StaticHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
    }
}
