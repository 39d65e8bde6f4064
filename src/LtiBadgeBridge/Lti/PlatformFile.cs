namespace LtiBadgeBridge.Lti;

/// <summary>A platform registration as written in <c>config/platforms/*.json</c> (camelCase JSON).</summary>
public sealed record PlatformFile
{
    public string? Name { get; init; }
    public string? Issuer { get; init; }
    public string? ClientId { get; init; }

    /// <summary><c>canvas</c>, <c>moodle</c> or <c>other</c>.</summary>
    public string? ProductFamily { get; init; }
    public string? AuthorizationEndpoint { get; init; }
    public string? TokenEndpoint { get; init; }
    public string? TokenAudience { get; init; }
    public string? JwksUri { get; init; }

    /// <summary><c>auto</c> (default) or <c>approve</c>.</summary>
    public string? DeploymentPolicy { get; init; }

    /// <summary>Deployment ids recorded as active.</summary>
    public IReadOnlyList<string>? Deployments { get; init; }
}
