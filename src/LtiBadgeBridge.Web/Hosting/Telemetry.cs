using System.Diagnostics.Metrics;

namespace LtiBadgeBridge.Web.Hosting;

/// <summary>The service's meter; instruments are created where they are measured.</summary>
internal static class Telemetry
{
    public const string MeterName = "LtiBadgeBridge";
    public static readonly Meter Meter = new(MeterName);
}
