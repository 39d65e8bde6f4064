namespace LtiBadgeBridge.Web.Lti;

/// <summary>Settings of the LTI door of the service (section <c>Lti</c>, shared with the protocol settings).</summary>
public sealed class LtiWebOptions
{
    public const string SectionName = "Lti";

    /// <summary>A directory of <c>*.json</c> platform registrations loaded at start (<c>*.example.json</c> skipped).
    /// Empty: <c>config/platforms</c> under the content root, only if it exists.</summary>
    public string? PlatformsDirectory { get; set; }

    /// <summary>How long an iframe session lasts after a launch.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The tool's name as shown to platforms.</summary>
    public string ToolName { get; set; } = "LtiBadgeBridge";
}
