using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LtiBadgeBridge.Lti.Launch;

/// <summary>The state of one launch validation; each step reads what earlier steps established.</summary>
public sealed class LaunchValidationContext(LaunchRequest request)
{
    public LaunchRequest Request { get; } = request;

    /// <summary>Set by <see cref="Steps.JwtFormatStep"/>.</summary>
    public JsonWebToken? Token { get; internal set; }

    /// <summary>Set by <see cref="Steps.JwtFormatStep"/> (unverified until <see cref="Steps.SignatureStep"/>).</summary>
    public LtiMessage? Message { get; internal set; }

    /// <summary>Set by <see cref="Steps.RegistrationStep"/>.</summary>
    public PlatformRegistration? Registration { get; internal set; }

    /// <summary>Set by <see cref="Steps.NonceStep"/>.</summary>
    public IssuedLogin? Login { get; internal set; }

    internal JsonWebToken RequireToken() => Token ?? throw Missing(nameof(Token));

    internal LtiMessage RequireMessage() => Message ?? throw Missing(nameof(Message));

    internal PlatformRegistration RequireRegistration() => Registration ?? throw Missing(nameof(Registration));

    private static InvalidOperationException Missing(string what) =>
        new($"Launch validation steps ran out of order: {what} is not established yet.");
}
