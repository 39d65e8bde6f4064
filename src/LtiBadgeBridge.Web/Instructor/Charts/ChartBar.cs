namespace LtiBadgeBridge.Web.Instructor.Charts;

/// <summary>One bar: its category label, value, and an optional note for the table (e.g. "bottleneck").</summary>
public sealed record ChartBar(string Label, double Value, string? Note = null, bool Highlight = false);
