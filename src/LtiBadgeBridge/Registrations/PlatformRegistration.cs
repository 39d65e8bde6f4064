namespace LtiBadgeBridge.Registrations;

/// <summary>
/// A platform registration: one (issuer, client_id) pair. Several institutions can share an issuer
/// (Canvas Cloud), so the client id is part of the key. Every tenant-owned row points here.
/// </summary>
public sealed record PlatformRegistration
{
    public long Id { get; init; }
    public required string Issuer { get; init; }
    public required string ClientId { get; init; }
    public required string Name { get; init; }

    /// <summary><c>canvas</c>, <c>moodle</c> or <c>other</c>.</summary>
    public string ProductFamily { get; init; } = ProductFamilies.Other;
    public required string AuthorizationEndpoint { get; init; }
    public required string TokenEndpoint { get; init; }

    /// <summary>The <c>aud</c> of client assertions; the token endpoint when null (Canvas differs).</summary>
    public string? TokenAudience { get; init; }
    public required string JwksUri { get; init; }

    /// <summary>Comma-separated JWS algorithms accepted on id_tokens; RS256 unless configured.</summary>
    public string AllowedAlgorithms { get; init; } = "RS256";

    /// <summary><c>auto</c> records new deployments; <c>approve</c> holds them for an admin.</summary>
    public string DeploymentPolicy { get; init; } = DeploymentPolicies.Auto;

    /// <summary><c>manual</c>, <c>dynamic</c>, <c>file</c> or <c>cli</c>.</summary>
    public string RegistrationSource { get; init; } = "manual";

    /// <summary><c>active</c>, or <c>pending</c> (a Moodle dynamic registration awaiting activation).</summary>
    public string RegistrationStatus { get; init; } = RegistrationStatuses.Active;

    /// <summary>Space-separated scopes the platform actually granted.</summary>
    public string GrantedScopes { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public string EffectiveTokenAudience => string.IsNullOrEmpty(TokenAudience) ? TokenEndpoint : TokenAudience;

    public bool HasScope(string scope) =>
        GrantedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);
}

public static class ProductFamilies
{
    public const string Canvas = "canvas";
    public const string Moodle = "moodle";
    public const string Other = "other";
}

public static class DeploymentPolicies
{
    public const string Auto = "auto";
    public const string Approve = "approve";
}

/// <summary>Values of <see cref="PlatformRegistration.RegistrationStatus"/>.</summary>
public static class RegistrationStatuses
{
    public const string Active = "active";

    /// <summary>Registered dynamically; the platform (Moodle) has not activated the tool yet.</summary>
    public const string Pending = "pending";
}
