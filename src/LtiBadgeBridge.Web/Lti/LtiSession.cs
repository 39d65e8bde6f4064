using LtiBadgeBridge.Lti.Messages;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>
/// Who is using our pages inside the platform's iframe, established by a valid launch and scoped to
/// (registration, deployment, course, person, roles). Carried as a protected, time-limited token in our
/// URLs and forms (<c>s</c>) because third-party cookies may be blocked, and in a cookie when possible.
/// Read it with <see cref="LtiSessionHttpContextExtensions.GetLtiSessionAsync"/>.
/// </summary>
public sealed record LtiSession
{
    public required long PlatformId { get; init; }
    public required string Issuer { get; init; }
    public required string ClientId { get; init; }
    public required string DeploymentId { get; init; }
    public long? CourseId { get; init; }
    public string? ContextTitle { get; init; }
    public required long PersonId { get; init; }
    public string? PersonName { get; init; }
    public required LtiRoleKind Roles { get; init; }

    /// <summary>Origins allowed to frame our pages (<c>Content-Security-Policy: frame-ancestors</c>).</summary>
    public required IReadOnlyList<string> FrameAncestors { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set when the launch was an LtiDeepLinkingRequest: what the response must honour.</summary>
    public DeepLinkRequestState? DeepLink { get; init; }

    public bool IsInstructor => Roles.HasFlag(LtiRoleKind.Instructor) || Roles.HasFlag(LtiRoleKind.Admin);
}

/// <summary>The deep linking settings of the request, kept until the instructor picks.</summary>
public sealed record DeepLinkRequestState
{
    public required Uri ReturnUrl { get; init; }
    public string? Data { get; init; }
    public IReadOnlyList<string> AcceptTypes { get; init; } = [];
    public bool AcceptMultiple { get; init; }
    public bool AcceptLineItem { get; init; }
}
