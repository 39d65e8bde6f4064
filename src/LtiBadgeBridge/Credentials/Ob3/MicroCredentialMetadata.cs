using System.Globalization;
using System.Text;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>
/// EU / Australian micro-credential elements without an Open Badges 3.0 field. They are always written as a
/// human-readable section of the criteria narrative; when the issuer enables the micro-credential extension
/// context (<see cref="MicroCredentialContext"/>) they are also written as machine-readable achievement
/// properties. See docs/credentials.md for the full mapping.
/// </summary>
public sealed record MicroCredentialMetadata
{
    /// <summary>Notional learning hours, e.g. 27 (nine weeks at 2-5 h).</summary>
    public decimal? WorkloadHours { get; init; }

    /// <summary>How learning is assessed, e.g. "Individual graded capstone project, rubric-assessed".</summary>
    public string? AssessmentType { get; init; }

    /// <summary>Delivery mode, e.g. "Online, asynchronous".</summary>
    public string? DeliveryMode { get; init; }

    /// <summary>Quality assurance, e.g. "Internal QA by the Faculty of Continuing Education".</summary>
    public string? QualityAssurance { get; init; }

    /// <summary>Prerequisites, free text.</summary>
    public string? Prerequisites { get; init; }

    /// <summary>How the credential stacks into a larger award, free text.</summary>
    public string? Stackability { get; init; }

    /// <summary>Whether any element is set.</summary>
    public bool IsEmpty => WorkloadHours is null && AssessmentType is null && DeliveryMode is null
        && QualityAssurance is null && Prerequisites is null && Stackability is null;

    /// <summary>The Markdown section appended to the criteria narrative.</summary>
    public string ToNarrative()
    {
        var builder = new StringBuilder("**Micro-credential details**\n");
        if (WorkloadHours is { } hours)
        {
            builder.Append("\n- Workload: ").Append(hours.ToString(CultureInfo.InvariantCulture)).Append(" hours");
        }

        Line(builder, "Assessment", AssessmentType);
        Line(builder, "Delivery mode", DeliveryMode);
        Line(builder, "Quality assurance", QualityAssurance);
        Line(builder, "Prerequisites", Prerequisites);
        Line(builder, "Stackability", Stackability);
        return builder.ToString();
    }

    private static void Line(StringBuilder builder, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            builder.Append("\n- ").Append(label).Append(": ").Append(value);
        }
    }
}
