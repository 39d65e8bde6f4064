namespace LtiBadgeBridge.Lti.Messages;

/// <summary>The claims of an LtiResourceLinkRequest or LtiDeepLinkingRequest, parsed tolerantly: a claim
/// with a wrong shape is treated as absent (null), never as an exception. Presence rules per message type
/// are checked by the launch validation, not here.</summary>
public sealed record LtiMessage
{
    public string? MessageType { get; init; }

    public string? Version { get; init; }

    public string? DeploymentId { get; init; }

    public string? TargetLinkUri { get; init; }

    public string? Issuer { get; init; }

    public IReadOnlyList<string> Audiences { get; init; } = [];

    public string? AuthorizedParty { get; init; }

    public string? Subject { get; init; }

    public string? Nonce { get; init; }

    /// <summary><c>exp</c> in seconds since the epoch.</summary>
    public long? Expires { get; init; }

    /// <summary><c>iat</c> in seconds since the epoch.</summary>
    public long? IssuedAt { get; init; }

    public string? Name { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? Email { get; init; }

    public string? Locale { get; init; }

    /// <summary>The <c>roles</c> claim with empty entries removed; null when the claim is absent.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    public LtiRoleKind RoleKinds => LtiRoles.Map(Roles);

    public IReadOnlyList<string> RoleScopeMentor { get; init; } = [];

    public ContextClaim? Context { get; init; }

    public ResourceLinkClaim? ResourceLink { get; init; }

    public AgsEndpointClaim? AgsEndpoint { get; init; }

    public NrpsClaim? NamesRoleService { get; init; }

    public IReadOnlyDictionary<string, string> Custom { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public ToolPlatformClaim? ToolPlatform { get; init; }

    public LaunchPresentationClaim? LaunchPresentation { get; init; }

    public DeepLinkingSettingsClaim? DeepLinkingSettings { get; init; }

    public CanvasExtensionClaims Canvas { get; init; } = CanvasExtensionClaims.None;

    public bool IsDeepLinkingRequest => MessageType == LtiConstants.MessageTypes.DeepLinkingRequest;
}
