namespace LtiBadgeBridge.Registrations;

/// <summary>A deployment of the tool on a platform (LTI <c>deployment_id</c>).</summary>
public sealed record Deployment
{
    public long Id { get; init; }
    public long PlatformId { get; init; }
    public required string DeploymentId { get; init; }

    /// <summary><c>active</c>, <c>pending</c> (awaiting admin approval) or <c>disabled</c>.</summary>
    public string Status { get; init; } = DeploymentStatuses.Active;
    public string? Label { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public static class DeploymentStatuses
{
    public const string Active = "active";
    public const string Pending = "pending";
    public const string Disabled = "disabled";
}
