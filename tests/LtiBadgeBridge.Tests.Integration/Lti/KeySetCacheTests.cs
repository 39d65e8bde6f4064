using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Integration.Lti;

public sealed class KeySetCacheTests : IDisposable
{
    private readonly EmulatedPlatform _platform = EmulatedPlatform.StartCanvas();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();

    [Fact]
    public async Task KeySet_SecondLookupWithinMaxAge_UsesTheCache()
    {
        var cache = new PlatformKeySetCache(_http, _time);

        Assert.True((await Resolve(cache, _platform.Kid)).IsSuccess);
        _time.Advance(TimeSpan.FromSeconds(299));
        Assert.True((await Resolve(cache, _platform.Kid)).IsSuccess);

        Assert.Equal(1, KeySetFetches());
    }

    [Fact]
    public async Task KeySet_AfterMaxAge_IsFetchedAgain()
    {
        var cache = new PlatformKeySetCache(_http, _time);

        await Resolve(cache, _platform.Kid);
        _time.Advance(TimeSpan.FromSeconds(301));
        await Resolve(cache, _platform.Kid);

        Assert.Equal(2, KeySetFetches());
    }

    [Fact]
    public async Task KeySet_HugeMaxAge_IsBoundedByTheMaximumLifetime()
    {
        _platform.KeySetCacheControl = "max-age=99999999";
        var cache = new PlatformKeySetCache(_http, _time, new PlatformKeySetCacheOptions { MaxLifetime = TimeSpan.FromHours(24) });

        await Resolve(cache, _platform.Kid);
        _time.Advance(TimeSpan.FromHours(25));
        await Resolve(cache, _platform.Kid);

        Assert.Equal(2, KeySetFetches());
    }

    [Fact]
    public async Task KeySet_UnknownKidStorm_CausesAtMostOneFetch()
    {
        var cache = new PlatformKeySetCache(_http, _time);
        await Resolve(cache, _platform.Kid);
        _time.Advance(TimeSpan.FromMinutes(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => Resolve(cache, "rotated-kid"))));

        Assert.All(results, r => Assert.Equal(LtiErrorCodes.KidUnknown, r.Error?.Code));
        Assert.Equal(2, KeySetFetches()); // the warm-up fetch and exactly one refetch for the whole storm
    }

    [Fact]
    public async Task KeySet_UnknownKidRightAfterAFetch_IsNotRefetched()
    {
        var cache = new PlatformKeySetCache(_http, _time);
        await Resolve(cache, _platform.Kid);

        var result = await Resolve(cache, "rotated-kid");

        Assert.Equal(LtiErrorCodes.KidUnknown, result.Error?.Code);
        Assert.Equal(1, KeySetFetches());
    }

    [Fact]
    public async Task KeySet_PlatformDown_IsReportedAsUnavailable()
    {
        var cache = new PlatformKeySetCache(_http, _time);

        var result = await cache.ResolveKeyAsync(new Uri(_platform.BaseUrl + "/no-such-jwks"), "k", TestContext.Current.CancellationToken);

        Assert.Equal(LtiErrorCodes.KeySetUnavailable, result.Error?.Code);
    }

    public void Dispose()
    {
        _http.Dispose();
        _platform.Dispose();
    }

    private Task<LtiResult<Microsoft.IdentityModel.Tokens.SecurityKey>> Resolve(PlatformKeySetCache cache, string kid) =>
        cache.ResolveKeyAsync(_platform.JwksUri, kid, TestContext.Current.CancellationToken);

    private int KeySetFetches() => _platform.Server.LogEntries.Count(e => e.RequestMessage.Path == _platform.JwksUri.AbsolutePath);
}
