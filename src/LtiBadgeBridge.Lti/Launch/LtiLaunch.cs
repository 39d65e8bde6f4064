using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Lti.Launch;

/// <summary>A validated launch: whom it is for, from which registration and deployment, with which claims.</summary>
public sealed record LtiLaunch
{
    public required PlatformRegistration Registration { get; init; }

    public required string DeploymentId { get; init; }

    public required LtiMessage Message { get; init; }

    public required IssuedLogin Login { get; init; }

    public string Subject => Message.Subject!;

    public LtiRoleKind Roles => Message.RoleKinds;
}
