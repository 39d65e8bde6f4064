using System.Globalization;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>Reading the form's text fields: trimmed text, lists, numbers with messages.</summary>
public static partial class AchievementFormMapper
{
    private static readonly char[] ListSeparators = [',', '\n', ';'];

    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");

    internal static List<string> Lines(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    internal static List<string> List(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    internal static string JoinList(IReadOnlyList<string> values) => string.Join(", ", values);

    internal static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double? Number(string? value, string field, List<FormFieldError> errors, bool percent = false)
    {
        if (Text(value) is not { } text)
        {
            return null;
        }

        if (percent && text.EndsWith('%'))
        {
            text = text[..^1].TrimEnd();
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        errors.Add(Field(field, "invalid_number", $"'{value!.Trim()}' is not a number; write a number such as {(percent ? "70" : "45 or 2.5")}"));
        return null;
    }

    private static double RequiredNumber(string? value, string field, List<FormFieldError> errors, bool percent = false)
    {
        if (Text(value) is null)
        {
            errors.Add(Field(field, "missing_required", percent ? "give the threshold as a percentage, e.g. 70" : "give the threshold, e.g. 70"));
            return double.NaN;
        }

        return Number(value, field, errors, percent) ?? double.NaN;
    }

    private static string Required(string? value, string field, string message, List<FormFieldError> errors)
    {
        if (Text(value) is { } text)
        {
            return text;
        }

        errors.Add(Field(field, "missing_required", message));
        return string.Empty;
    }

    private static List<string> Picked(List<string> values, string field, string message, List<FormFieldError> errors)
    {
        var picked = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (picked.Count == 0)
        {
            errors.Add(Field(field, "missing_required", message));
        }

        return picked;
    }

    private static FormFieldError Field(string field, string code, string message) => new() { Field = field, Code = code, Message = message };

    private static KeyValuePair<string, string> Path(string path, string field) => KeyValuePair.Create(path, field);
}
