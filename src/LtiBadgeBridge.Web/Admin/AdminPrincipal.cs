using LtiBadgeBridge.Web.Lti;

namespace LtiBadgeBridge.Web.Admin;

/// <summary>Who is using the admin console: the service's operator (every platform) or a platform's admin who
/// arrived by an LTI launch (their own platform only).</summary>
public sealed record AdminPrincipal
{
    public const string OperatorActor = "operator";

    public required AdminKind Kind { get; init; }

    /// <summary>The only platform this admin may see; null for the operator, who sees all.</summary>
    public long? PlatformId { get; init; }

    /// <summary>How the admin is named in the audit log (opaque ids, no personal data).</summary>
    public required string Actor { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The iframe session of an LTI admin; null for the operator.</summary>
    public LtiSession? LtiSession { get; init; }

    /// <summary>The LTI session token to carry in links and forms (<c>s</c>); null for the operator.</summary>
    public string? SessionToken { get; init; }

    public bool SeesAllPlatforms => PlatformId is null;

    public bool CanSee(long platformId) => PlatformId is null || PlatformId == platformId;

    public static AdminPrincipal Operator { get; } = new() { Kind = AdminKind.Operator, Actor = OperatorActor, DisplayName = "Operator" };

    public static AdminPrincipal ForLti(LtiSession session, string? token)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new AdminPrincipal
        {
            Kind = AdminKind.LtiAdmin,
            PlatformId = session.PlatformId,
            Actor = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lti-admin:{session.PlatformId}:{session.PersonId}"),
            DisplayName = session.PersonName,
            LtiSession = session,
            SessionToken = token,
        };
    }
}

public enum AdminKind
{
    Operator,
    LtiAdmin,
}
