using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Registrations;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>What the console shows about one platform registration. Secrets are never loaded into it.</summary>
public sealed record PlatformOverview
{
    public required PlatformRegistration Platform { get; init; }
    public required IReadOnlyList<Deployment> Deployments { get; init; }

    /// <summary><c>canvas</c>, <c>moodle</c>, or null when no LMS API credentials are configured.</summary>
    public string? CredentialsKind { get; init; }
    public Uri? CredentialsBaseUrl { get; init; }

    /// <summary>The latest Moodle token probe, from the audit log.</summary>
    public AuditEntry? LastProbe { get; init; }

    public IReadOnlyList<string> Scopes => Platform.GrantedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsPending => Platform.RegistrationStatus != RegistrationStatuses.Active;
}
