namespace LtiBadgeBridge.Lti.Login;

/// <summary>The parameters of an OIDC third-party-initiated login (GET query or POST form).</summary>
public sealed record LoginInitiationRequest
{
    public required string Issuer { get; init; }

    public required string LoginHint { get; init; }

    public required Uri TargetLinkUri { get; init; }

    public required string ClientId { get; init; }

    public string? LtiMessageHint { get; init; }

    /// <summary><c>lti_deployment_id</c> (Canvas) or <c>deployment_id</c>.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>The frame name for LTI Client Side postMessage storage (<c>lti_storage_target</c>).</summary>
    public string? LtiStorageTarget { get; init; }
}
