using System.ComponentModel.DataAnnotations;
using LtiBadgeBridge.Platforms.Http;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>Settings of the Moodle web service client (section <c>Platforms:Moodle</c>).</summary>
public sealed class MoodleOptions
{
    public const string SectionName = "Platforms:Moodle";

    [Required]
    public string UserAgent { get; set; } = PlatformUserAgent.Default;

    /// <summary>Users per <c>core_enrol_get_enrolled_users</c> page (page by user: whole-course calls are slow).</summary>
    [Range(1, 10_000)]
    public int EnrolledUsersPageSize { get; set; } = 200;

    [Range(0, 10)]
    public int MaxTransientRetries { get; set; } = 3;

    public TimeSpan TransientRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one attempt; generous because some Moodle functions are slow on big courses.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(120);
}
