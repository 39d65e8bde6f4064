using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Lti.Platforms;

/// <summary>One platform registration, keyed by (<see cref="Issuer"/>, <see cref="ClientId"/>).
/// Several institutions may share one issuer (Canvas Cloud), so the client id is part of the key.</summary>
public sealed record PlatformRegistration
{
    /// <summary>The store's opaque id; every later row is scoped by it.</summary>
    public required string Id { get; init; }

    public required string Issuer { get; init; }

    public required string ClientId { get; init; }

    public required Uri AuthorizationEndpoint { get; init; }

    public required Uri TokenEndpoint { get; init; }

    public required Uri JwksUri { get; init; }

    /// <summary>The <c>aud</c> of our client assertion. Canvas expects a value other than the token URL;
    /// null means the token endpoint URL.</summary>
    public string? TokenAudience { get; init; }

    public ProductFamily ProductFamily { get; init; } = ProductFamily.Other;

    /// <summary>Signature algorithms accepted on id_tokens. RS256 only unless configured; <c>none</c> and
    /// HMAC algorithms are never accepted whatever this says.</summary>
    public IReadOnlyList<string> AllowedAlgorithms { get; init; } = [SecurityAlgorithms.RsaSha256];

    public DeploymentPolicy DeploymentPolicy { get; init; } = DeploymentPolicy.RecordAutomatically;

    /// <summary>The scopes the platform granted (null when unknown, e.g. manual registration).</summary>
    public IReadOnlyList<string>? GrantedScopes { get; init; }

    /// <summary>A dynamic registration the platform has yet to activate (Moodle holds new tools as pending);
    /// the first launch the platform signs is its activation.</summary>
    public bool AwaitsActivation { get; init; }

    /// <summary>The audience to put in the client assertion.</summary>
    public string EffectiveTokenAudience => string.IsNullOrEmpty(TokenAudience) ? TokenEndpoint.AbsoluteUri : TokenAudience;
}
