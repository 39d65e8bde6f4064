using System.Security.Cryptography;
using System.Text;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Lti.Login;

/// <summary>Handles OIDC third-party-initiated login: checks the registration, issues state and nonce, and
/// builds the authorization request (response_type=id_token, response_mode=form_post, scope=openid,
/// prompt=none).</summary>
public sealed class LoginInitiationHandler(
    ILtiRegistrationStore registrations,
    ILtiNonceStore nonces,
    IOptions<LtiToolOptions> options,
    TimeProvider timeProvider,
    ILogger<LoginInitiationHandler>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Parses <paramref name="parameters"/> (query and form merged) and handles the login.</summary>
    public async Task<LtiResult<LoginInitiationResult>> HandleAsync(
        IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken)
    {
        var parsed = LoginInitiationParser.Parse(parameters);
        if (!parsed.IsSuccess)
        {
            LtiLog.LoginRefused(_logger, parsed.Error.Code);
            return LtiResult<LoginInitiationResult>.Fail(parsed.Error);
        }

        return await HandleAsync(parsed.Value, cancellationToken);
    }

    public async Task<LtiResult<LoginInitiationResult>> HandleAsync(LoginInitiationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (!settings.IsOwnUri(request.TargetLinkUri))
        {
            LtiLog.LoginRefused(_logger, LtiErrorCodes.TargetLinkUriForeign);
            return LtiResult<LoginInitiationResult>.Fail(LtiErrorCodes.TargetLinkUriForeign, "The target_link_uri is not on this tool's host.");
        }

        var registration = await registrations.FindRegistrationAsync(request.Issuer, request.ClientId, cancellationToken);
        if (registration is null)
        {
            LtiLog.LoginRefused(_logger, LtiErrorCodes.RegistrationUnknown);
            return LtiResult<LoginInitiationResult>.Fail(LtiErrorCodes.RegistrationUnknown, "No platform is registered with this issuer and client id.");
        }

        var login = new IssuedLogin
        {
            State = NewRandomValue(),
            Nonce = NewRandomValue(),
            RegistrationId = registration.Id,
            Issuer = registration.Issuer,
            ClientId = registration.ClientId,
            TargetLinkUri = request.TargetLinkUri.AbsoluteUri,
            ExpiresAt = timeProvider.GetUtcNow() + settings.LoginLifetime,
        };
        await nonces.IssueAsync(login, cancellationToken);

        return LtiResult<LoginInitiationResult>.Ok(new LoginInitiationResult
        {
            AuthorizationRedirect = BuildAuthorizationRedirect(registration, request, login, settings.LaunchUri),
            State = login.State,
            Nonce = login.Nonce,
            ExpiresAt = login.ExpiresAt,
            LtiStorageTarget = request.LtiStorageTarget,
            PlatformOrigin = registration.AuthorizationEndpoint.GetLeftPart(UriPartial.Authority),
        });
    }

    internal static Uri BuildAuthorizationRedirect(PlatformRegistration registration, LoginInitiationRequest request, IssuedLogin login, Uri redirectUri)
    {
        var query = new StringBuilder(registration.AuthorizationEndpoint.AbsoluteUri);
        var separator = string.IsNullOrEmpty(registration.AuthorizationEndpoint.Query) ? '?' : '&';
        void Add(string name, string value)
        {
            query.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        Add("scope", "openid");
        Add("response_type", "id_token");
        Add("response_mode", "form_post");
        Add("prompt", "none");
        Add("client_id", registration.ClientId);
        Add("redirect_uri", redirectUri.AbsoluteUri);
        Add("login_hint", request.LoginHint);
        Add("state", login.State);
        Add("nonce", login.Nonce);
        if (request.LtiMessageHint is { } hint)
        {
            Add("lti_message_hint", hint);
        }

        return new Uri(query.ToString());
    }

    private static string NewRandomValue() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
