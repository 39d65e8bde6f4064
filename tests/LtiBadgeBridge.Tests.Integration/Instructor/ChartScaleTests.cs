using LtiBadgeBridge.Web.Instructor;
using LtiBadgeBridge.Web.Instructor.Charts;

namespace LtiBadgeBridge.Tests.Integration.Instructor;

/// <summary>The bar chart's axis (pure; kept here because the chart model lives in the web project).</summary>
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(7, 8, 2)]
    [InlineData(43, 50, 10)]
    [InlineData(0.4, 1, 1)]
    [InlineData(0, 1, 1)]
    [InlineData(360, 400, 100)]
    public void For_Data_RoundsUpToANiceMaximumAndStep(double dataMax, double max, double step)
    {
        var scale = ChartScale.For(dataMax);

        Assert.Equal((max, step), (scale.Max, scale.Step));
    }

    [Fact]
    public void For_FixedMaximumOffTheStep_KeepsItAndAddsItsTick()
    {
        var scale = ChartScale.For(12, fixedMax: 43);

        Assert.Equal(43, scale.Max);
        Assert.Equal([0d, 10, 20, 30, 40], scale.Ticks);
        Assert.Equal([0d, 10, 20, 30, 40, 46], ChartScale.For(12, fixedMax: 46).Ticks);
    }

    [Fact]
    public void BarLength_IsProportionalAndClampedToThePlot()
    {
        var chart = new BarChartModel { Id = "c", Title = "t", Description = "d", FixedMax = 100, Unit = "%", Bars = [new ChartBar("a", 50), new ChartBar("b", 130), new ChartBar("c", -3)] };

        Assert.Equal(BarChartModel.PlotWidth / 2, chart.BarLength(chart.Bars[0]));
        Assert.Equal(BarChartModel.PlotWidth, chart.BarLength(chart.Bars[1]));
        Assert.Equal(0, chart.BarLength(chart.Bars[2]));
    }

    [Fact]
    public void WeekOf_IsTheMondayInUtc()
    {
        Assert.Equal(new DateOnly(2026, 6, 8), CourseOutcomesQuery.WeekOf(new DateTimeOffset(2026, 6, 14, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 6, 15), CourseOutcomesQuery.WeekOf(new DateTimeOffset(2026, 6, 14, 23, 0, 0, TimeSpan.FromHours(-2))));
    }
}
