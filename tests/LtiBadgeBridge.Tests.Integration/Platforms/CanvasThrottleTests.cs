using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Testing.Emulators;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

/// <summary>
/// The leaky bucket is sped up (drain 1,000 units/s, requests costing 100) so that a few seconds of
/// traffic fill it several times over; the client is told the same drain rate.
/// </summary>
public sealed class CanvasThrottleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EmulatedCanvasOptions FastBucket => new()
    {
        Throttle = true,
        HighWaterMark = 600,
        DrainPerSecond = 1000,
        UpFrontCost = 50,
        BaseCost = 100,
        CostPerItem = 0,
    };

    private static void MatchBucket(CanvasOptions options)
    {
        options.BucketCapacity = 600;
        options.DrainPerSecond = 1000;
        options.UpFrontCost = 50;
    }

    [Fact]
    public async Task SequentialPacedClient_GetsNoThrottledResponses()
    {
        using var canvas = EmulatedCanvas.Start(FastBucket);
        await using var services = PlatformServices.Build(MatchBucket);
        var client = services.CanvasClient(canvas);

        for (var i = 0; i < 15; i++)
        {
            Assert.True((await client.GetCourseAsync(canvas.Fixture.CourseId, Ct)).IsSuccess);
        }

        Assert.Equal(0, canvas.ThrottledResponses);
        Assert.True(canvas.Bucket.UnitsPaid > 2 * canvas.Options.HighWaterMark, "the traffic must overflow an unpaced bucket");
        Assert.Equal(1, canvas.MaxConcurrentRequests);
    }

    [Fact]
    public async Task SequentialUnpacedClient_IsThrottled_AndRecovers()
    {
        // A slower drain than the paced test's, so that the bucket overflows however slowly a loaded
        // machine sends the requests (each costs 100 units; at most 200 drain between two of them per second).
        var bucket = FastBucket with { DrainPerSecond = 200 };
        using var canvas = EmulatedCanvas.Start(bucket);
        await using var services = PlatformServices.Build(o =>
        {
            MatchBucket(o);
            o.DrainPerSecond = 200;
            o.PaceByRemainingQuota = false;
        });
        var client = services.CanvasClient(canvas);

        for (var i = 0; i < 12; i++)
        {
            Assert.True((await client.GetCourseAsync(canvas.Fixture.CourseId, Ct)).IsSuccess);
        }

        Assert.True(canvas.ThrottledResponses > 0);
    }

    [Fact]
    public async Task BurstClient_IsThrottled_AndEveryRequestRecovers()
    {
        // Canvas's real bucket: 600 high-water mark, 10 units/s, 50 reserved per request in flight.
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Throttle = true, Latency = TimeSpan.FromMilliseconds(300) });
        await using var services = PlatformServices.Build(o =>
        {
            o.MaxConcurrentRequests = 30;
            o.PaceByRemainingQuota = false;
        });
        var client = services.CanvasClient(canvas);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetCourseAsync(canvas.Fixture.CourseId, Ct)));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.True(canvas.ThrottledResponses > 0);
        // 600 / 50 = 12 reservations fill the bucket; one more may slip in as it drains.
        Assert.True(canvas.MaxConcurrentRequests <= 13, $"{canvas.MaxConcurrentRequests} requests were admitted at once");
    }
}
