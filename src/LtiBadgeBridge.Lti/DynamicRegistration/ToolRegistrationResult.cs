namespace LtiBadgeBridge.Lti.DynamicRegistration;

/// <summary>What the platform answered to our registration.</summary>
public sealed record ToolRegistrationResult
{
    public required string ClientId { get; init; }

    /// <summary>The deployment created with the registration (Moodle: the tool type id), if stated.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>The scopes actually granted (an admin may cut the request).</summary>
    public required IReadOnlyList<string> GrantedScopes { get; init; }

    /// <summary>Moodle registrations arrive pending until an admin activates the tool in Manage tools.</summary>
    public bool RequiresPlatformActivation { get; init; }
}
