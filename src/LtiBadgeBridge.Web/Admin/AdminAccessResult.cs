namespace LtiBadgeBridge.Web.Admin;

/// <summary>The outcome of an admin access check.</summary>
public sealed record AdminAccessResult
{
    public required AdminAccessStatus Status { get; init; }

    /// <summary>Set when <see cref="Status"/> is <see cref="AdminAccessStatus.Granted"/>.</summary>
    public AdminPrincipal? Principal { get; init; }

    public static AdminAccessResult Unauthenticated { get; } = new() { Status = AdminAccessStatus.Unauthenticated };

    /// <summary>An LTI session without an admin role.</summary>
    public static AdminAccessResult Forbidden { get; } = new() { Status = AdminAccessStatus.Forbidden };

    public static AdminAccessResult Granted(AdminPrincipal principal) => new() { Status = AdminAccessStatus.Granted, Principal = principal };
}

public enum AdminAccessStatus
{
    Unauthenticated,
    Forbidden,
    Granted,
}
