using System.ComponentModel.DataAnnotations;

namespace LtiBadgeBridge.Web.Admin;

/// <summary>The admin console's settings. Bound from the <c>Admin</c> section (env: <c>Admin__SessionLifetime</c>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>How long an operator login lasts before the token must be entered again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Admin:SessionLifetime must be between 00:01:00 and 7.00:00:00 (e.g. 08:00:00).")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Operator login attempts allowed per client address in each <see cref="LoginWindow"/>.</summary>
    [Range(1, 1000, ErrorMessage = "Admin:LoginAttemptsPerWindow must be between 1 and 1000.")]
    public int LoginAttemptsPerWindow { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Admin:LoginWindow must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether admins who arrive by an LTI launch may open the job dashboard. Off by default: the dashboard
    /// shows every institution's jobs, while an LTI admin otherwise sees only their own platform.
    /// </summary>
    public bool LtiAdminsSeeJobs { get; set; }
}
