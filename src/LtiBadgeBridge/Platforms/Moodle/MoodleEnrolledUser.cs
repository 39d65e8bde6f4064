namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>An entry of <c>core_enrol_get_enrolled_users</c>.</summary>
public sealed record MoodleEnrolledUser
{
    public required long Id { get; init; }

    public string? Username { get; init; }

    public string? FullName { get; init; }

    public string? Email { get; init; }

    public string? IdNumber { get; init; }

    public IReadOnlyList<MoodleRole> Roles { get; init; } = [];

    /// <summary>False for a suspended enrolment when the roster came from NRPS (status <c>Inactive</c>); not on the wire.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Active { get; init; } = true;
}

/// <summary>A role of an enrolled user.</summary>
public sealed record MoodleRole
{
    public long? RoleId { get; init; }

    public string? Name { get; init; }

    public string? ShortName { get; init; }
}
