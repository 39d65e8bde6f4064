namespace LtiBadgeBridge.Web.Instructor.Charts;

/// <summary>
/// The value axis of a chart: a "nice" maximum and tick step (1, 2 or 5 × a power of ten) covering the
/// data, so gridlines fall on round numbers. A fixed maximum (100 % or the class size) wins when given.
/// </summary>
public sealed record ChartScale
{
    public required double Max { get; init; }

    public required double Step { get; init; }

    public IEnumerable<double> Ticks
    {
        get
        {
            // Multiples of the step; a fixed maximum off the step (e.g. 43 learners) gets its own tick unless it would crowd the last one.
            var count = (int)Math.Floor((Max / Step) + 1e-9);
            for (var i = 0; i <= count; i++)
            {
                yield return i * Step;
            }

            if (Max - (count * Step) >= Step / 2)
            {
                yield return Max;
            }
        }
    }

    /// <summary>The scale for data up to <paramref name="dataMax"/>; whole steps only when <paramref name="integers"/>.</summary>
    public static ChartScale For(double dataMax, double? fixedMax = null, bool integers = true, int maxTicks = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 1);
        var top = fixedMax is > 0 ? fixedMax.Value : Math.Max(dataMax, 0);
        if (top <= 0 || !double.IsFinite(top))
        {
            return new ChartScale { Max = 1, Step = 1 };
        }

        var raw = top / maxTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var residual = raw / magnitude;
        var step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
        if (integers && step < 1)
        {
            step = 1;
        }

        var max = fixedMax is > 0 ? fixedMax.Value : Math.Ceiling((top / step) - 1e-9) * step;
        return new ChartScale { Max = max, Step = step };
    }

    /// <summary>The length of <paramref name="value"/> on an axis of <paramref name="length"/> units (clamped to the axis).</summary>
    public double Length(double value, double length) =>
        !double.IsFinite(value) || value <= 0 ? 0 : Math.Min(value, Max) / Max * length;
}
