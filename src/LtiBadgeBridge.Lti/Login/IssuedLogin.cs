namespace LtiBadgeBridge.Lti.Login;

/// <summary>A login the tool started: the state and nonce it sent to the platform, and what they were for.</summary>
public sealed record IssuedLogin
{
    public required string State { get; init; }

    public required string Nonce { get; init; }

    public required string RegistrationId { get; init; }

    public required string Issuer { get; init; }

    public required string ClientId { get; init; }

    public required string TargetLinkUri { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
