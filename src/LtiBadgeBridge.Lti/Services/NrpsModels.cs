using System.Text.Json.Serialization;

namespace LtiBadgeBridge.Lti.Services;

/// <summary>One member of a context from NRPS.</summary>
public sealed record Membership
{
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("given_name")]
    public string? GivenName { get; init; }

    [JsonPropertyName("family_name")]
    public string? FamilyName { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("lis_person_sourcedid")]
    public string? LisPersonSourcedId { get; init; }

    [JsonPropertyName("roles")]
    public IReadOnlyList<string> Roles { get; init; } = [];
}

/// <summary>The NRPS context of a membership container.</summary>
public sealed record MembershipContext
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }
}

/// <summary>One page of an NRPS membership container.</summary>
internal sealed record MembershipContainer
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("context")]
    public MembershipContext? Context { get; init; }

    [JsonPropertyName("members")]
    public IReadOnlyList<Membership>? Members { get; init; }
}

/// <summary>All members of a context, every page followed.</summary>
public sealed record MembershipList(MembershipContext? Context, IReadOnlyList<Membership> Members, bool Truncated);
