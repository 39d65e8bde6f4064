namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>An LTI 1.3 tool registered on the emulated Moodle (a row of <c>lti_types</c>): the type id is the
/// deployment id; a dynamically registered tool is pending until the admin activates it.</summary>
internal sealed record DemoMoodleTool
{
    /// <summary>Moodle's <c>LTI_TOOL_STATE_CONFIGURED</c>.</summary>
    public const int Configured = 1;

    /// <summary>Moodle's <c>LTI_TOOL_STATE_PENDING</c>.</summary>
    public const int Pending = 2;

    public long TypeId { get; init; }
    public required string ClientId { get; init; }
    public required string Name { get; init; }
    public required string InitiateLoginUri { get; init; }
    public required IReadOnlyList<string> RedirectUris { get; init; }
    public required string JwksUri { get; init; }
    public required string TargetLinkUri { get; init; }
    public string? Description { get; init; }
    public required IReadOnlySet<string> Scopes { get; init; }
    public int State { get; init; } = Pending;

    public bool IsActive => State == Configured;

    public string DeploymentId => TypeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
