using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Lti.DynamicRegistration;

/// <summary>A platform's OpenID configuration as fetched during dynamic registration, validated.</summary>
public sealed record PlatformConfiguration
{
    public required string Issuer { get; init; }

    public required Uri AuthorizationEndpoint { get; init; }

    public required Uri TokenEndpoint { get; init; }

    public required Uri JwksUri { get; init; }

    public required Uri RegistrationEndpoint { get; init; }

    /// <summary><c>authorization_server</c> when the platform states one: the client assertion audience.</summary>
    public string? AuthorizationServer { get; init; }

    public IReadOnlyList<string> ScopesSupported { get; init; } = [];

    public IReadOnlyList<string> MessagesSupported { get; init; } = [];

    public string? ProductFamilyCode { get; init; }

    public string? Version { get; init; }

    public ProductFamily ProductFamily => ProductFamilyCode?.ToUpperInvariant() switch
    {
        "CANVAS" => ProductFamily.Canvas,
        "MOODLE" => ProductFamily.Moodle,
        _ => ProductFamily.Other,
    };

    /// <summary>The registration to store once the platform answered with a client id.</summary>
    public PlatformRegistration ToRegistration(string id, ToolRegistrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PlatformRegistration
        {
            Id = id,
            Issuer = Issuer,
            ClientId = result.ClientId,
            AuthorizationEndpoint = AuthorizationEndpoint,
            TokenEndpoint = TokenEndpoint,
            JwksUri = JwksUri,
            TokenAudience = AuthorizationServer,
            ProductFamily = ProductFamily,
            GrantedScopes = result.GrantedScopes,
        };
    }
}
