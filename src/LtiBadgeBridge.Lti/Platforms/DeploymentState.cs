namespace LtiBadgeBridge.Lti.Platforms;

/// <summary>The state of a deployment of a registration.</summary>
public enum DeploymentState
{
    Active = 0,
    Pending = 1,

    /// <summary>An admin refused or disabled the deployment.</summary>
    Disabled = 2,
}
