using System.Globalization;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>Number formats of learner-facing explanations.</summary>
internal static class Text
{
    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Points(double value) => Number(value) + (value == 1 ? " point" : " points");
}
