namespace LtiBadgeBridge.Lti.Platforms;

/// <summary>What to do when a launch names a deployment not yet seen for a known registration.</summary>
public enum DeploymentPolicy
{
    /// <summary>Record the deployment as active and let the launch continue (the default).</summary>
    RecordAutomatically = 0,

    /// <summary>Record the deployment as pending; launches are refused until an admin approves it.</summary>
    RequireApproval = 1,
}
