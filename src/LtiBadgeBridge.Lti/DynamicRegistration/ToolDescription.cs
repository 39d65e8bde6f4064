namespace LtiBadgeBridge.Lti.DynamicRegistration;

/// <summary>How the tool describes itself in a registration request.</summary>
public sealed record ToolDescription
{
    public required string ClientName { get; init; }

    /// <summary>The launch (redirect) URI; also the target of resource link and deep linking messages.</summary>
    public required Uri LaunchUri { get; init; }

    public required Uri LoginInitiationUri { get; init; }

    public required Uri JwksUri { get; init; }

    /// <summary>Where deep linking requests should go; null means <see cref="LaunchUri"/>.</summary>
    public Uri? DeepLinkingUri { get; init; }

    public Uri? LogoUri { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Contacts { get; init; } = [];

    /// <summary>The scopes to request (AGS and NRPS by default).</summary>
    public IReadOnlyList<string> Scopes { get; init; } =
    [
        LtiConstants.Scopes.LineItem,
        LtiConstants.Scopes.LineItemReadOnly,
        LtiConstants.Scopes.ResultReadOnly,
        LtiConstants.Scopes.Score,
        LtiConstants.Scopes.ContextMembershipReadOnly,
    ];

    /// <summary>Canvas privacy level: <c>public</c> (names and emails), <c>name_only</c>, <c>email_only</c>, <c>anonymous</c>.</summary>
    public string CanvasPrivacyLevel { get; init; } = "public";

    public string ResourceLinkLabel { get; init; } = "Badges";

    public string DeepLinkingLabel { get; init; } = "Add a badge link";
}
