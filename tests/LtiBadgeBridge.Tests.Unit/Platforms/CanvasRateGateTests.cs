using LtiBadgeBridge.Platforms.Canvas;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Unit.Platforms;

public sealed class CanvasRateGateTests
{
    private static readonly CanvasOptions Options = new() { BucketCapacity = 600, DrainPerSecond = 10, UpFrontCost = 50, SafetyMargin = 25 };

    [Fact]
    public void BeforeAnyResponse_ThereIsNoWait()
    {
        using var gate = new CanvasRateGate(Options, new FakeTimeProvider());

        Assert.Equal(TimeSpan.Zero, gate.DelayBeforeSend());
    }

    [Fact]
    public void LowQuota_WaitsForTheDrainToMakeRoomForTheReservation()
    {
        var clock = new FakeTimeProvider();
        using var gate = new CanvasRateGate(Options, clock);

        gate.Observe(25, requestCost: 2);

        Assert.Equal(TimeSpan.FromSeconds(5), gate.DelayBeforeSend()); // (50 + 25 - 25) / 10
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, gate.DelayBeforeSend());
    }

    [Fact]
    public void ZeroQuota_CountsTheRequestCostAsAnOverdraft()
    {
        using var gate = new CanvasRateGate(Options, new FakeTimeProvider());

        gate.Observe(0, requestCost: 40);

        Assert.Equal(TimeSpan.FromSeconds(11.5), gate.DelayBeforeSend()); // (75 + 40) / 10
    }

    [Fact]
    public void PacingOff_NeverWaits()
    {
        using var gate = new CanvasRateGate(new CanvasOptions { PaceByRemainingQuota = false }, new FakeTimeProvider());

        gate.Observe(0, requestCost: 40);

        Assert.Equal(TimeSpan.Zero, gate.DelayBeforeSend());
    }
}
