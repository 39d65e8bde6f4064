using System.Globalization;

namespace LtiBadgeBridge.Web.Instructor.Charts;

/// <summary>
/// A horizontal bar chart rendered as server-side SVG by <c>Pages/Shared/Charts/_BarChart.cshtml</c>:
/// <c>role="img"</c> with a title and description, followed by a table of the same numbers. Layout is in
/// SVG user units; the SVG scales to its container.
/// </summary>
public sealed record BarChartModel
{
    public const double LabelWidth = 200;
    public const double PlotWidth = 360;
    public const double ValueWidth = 60;
    public const double RowHeight = 28;
    public const double BarHeight = 18;
    public const double AxisHeight = 24;
    public const int MaxLabelLength = 30;

    /// <summary>A document-unique id prefix (for aria references).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The category column's heading in the table, e.g. "Criterion".</summary>
    public string CategoryLabel { get; init; } = "Category";

    /// <summary>The value column's heading, e.g. "Learners blocked".</summary>
    public string ValueLabel { get; init; } = "Value";

    /// <summary>Appended to values: "" for counts, "%" for rates.</summary>
    public string Unit { get; init; } = "";

    public bool Integers { get; init; } = true;

    /// <summary>The axis maximum when it should not follow the data (100 for rates, the class size for counts).</summary>
    public double? FixedMax { get; init; }

    public required IReadOnlyList<ChartBar> Bars { get; init; }

    public ChartScale Scale => ChartScale.For(Bars.Count == 0 ? 0 : Bars.Max(b => b.Value), FixedMax, Integers);

    public double Width => LabelWidth + PlotWidth + ValueWidth;

    public double Height => (Math.Max(1, Bars.Count) * RowHeight) + AxisHeight;

    public double BarY(int index) => (index * RowHeight) + ((RowHeight - BarHeight) / 2);

    public double TextY(int index) => (index * RowHeight) + (RowHeight / 2) + 5;

    public double BarLength(ChartBar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return Scale.Length(bar.Value, PlotWidth);
    }

    public double TickX(double tick) => LabelWidth + Scale.Length(tick, PlotWidth);

    public string Format(double value) =>
        (Integers ? Math.Round(value).ToString(CultureInfo.InvariantCulture) : Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture)) + Unit;

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string ShortLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Length <= MaxLabelLength ? label : label[..(MaxLabelLength - 1)] + "…";
    }
}
