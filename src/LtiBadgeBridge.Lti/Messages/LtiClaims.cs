namespace LtiBadgeBridge.Lti.Messages;

/// <summary>The <c>context</c> claim: the course (or group) the launch came from.</summary>
public sealed record ContextClaim
{
    public required string Id { get; init; }

    public string? Label { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];
}

/// <summary>The <c>resource_link</c> claim: the placement of the tool in the context.</summary>
public sealed record ResourceLinkClaim
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }
}

/// <summary>The Assignment and Grade Services endpoint claim. URLs are opaque and absolute.</summary>
public sealed record AgsEndpointClaim
{
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public Uri? LineItems { get; init; }

    public Uri? LineItem { get; init; }
}

/// <summary>The Names and Role Provisioning Services claim.</summary>
public sealed record NrpsClaim
{
    public required Uri ContextMembershipsUrl { get; init; }

    public IReadOnlyList<string> ServiceVersions { get; init; } = [];
}

/// <summary>The <c>tool_platform</c> claim.</summary>
public sealed record ToolPlatformClaim
{
    public string? Guid { get; init; }

    public string? Name { get; init; }

    public string? Version { get; init; }

    public string? ProductFamilyCode { get; init; }

    public string? ContactEmail { get; init; }

    public string? Url { get; init; }
}

/// <summary>The <c>launch_presentation</c> claim.</summary>
public sealed record LaunchPresentationClaim
{
    public string? DocumentTarget { get; init; }

    public Uri? ReturnUrl { get; init; }

    public string? Locale { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }
}

/// <summary>The <c>deep_linking_settings</c> claim of an LtiDeepLinkingRequest.</summary>
public sealed record DeepLinkingSettingsClaim
{
    public required Uri DeepLinkReturnUrl { get; init; }

    public IReadOnlyList<string> AcceptTypes { get; init; } = [];

    public IReadOnlyList<string> AcceptPresentationDocumentTargets { get; init; } = [];

    public string? AcceptMediaTypes { get; init; }

    public bool AcceptMultiple { get; init; }

    public bool AcceptLineItem { get; init; }

    public bool AutoCreate { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    /// <summary>Opaque value to echo in the response's <c>data</c> claim.</summary>
    public string? Data { get; init; }
}

/// <summary>Canvas extension claims.</summary>
public sealed record CanvasExtensionClaims
{
    public static readonly CanvasExtensionClaims None = new();

    /// <summary><c>https://www.instructure.com/placement</c>, e.g. <c>course_navigation</c>.</summary>
    public string? Placement { get; init; }

    /// <summary>The LTI 1.1 user id, for migrations.</summary>
    public string? Lti11LegacyUserId { get; init; }
}
