using System.Net;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.DynamicRegistration;
using LtiBadgeBridge.Registrations;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>The tool side of LTI Dynamic Registration: fetch and check the platform's configuration, post our
/// registration, store the platform, its deployment and the scopes actually granted.</summary>
public sealed class DynamicRegistrationService(
    DynamicRegistrationClient client, PlatformStore platforms, LtiUrls urls, IOptions<LtiWebOptions> options, ILogger<DynamicRegistrationService> logger)
{
    private const int MaxParameterLength = 4096;

    public async Task<DynamicRegistrationOutcome> RegisterAsync(HttpContext? context, string? openIdConfiguration, string? registrationToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(openIdConfiguration) || openIdConfiguration.Length > MaxParameterLength
            || !Uri.TryCreate(openIdConfiguration, UriKind.Absolute, out var configurationUrl)
            || !(configurationUrl.Scheme == Uri.UriSchemeHttps || (configurationUrl.Scheme == Uri.UriSchemeHttp && IsLoopback(configurationUrl))))
        {
            return DynamicRegistrationOutcome.Fail(LtiErrorCodes.RegistrationConfigurationInvalid,
                "The openid_configuration parameter must be the platform's https configuration URL.");
        }

        if (registrationToken is { Length: > MaxParameterLength })
        {
            return DynamicRegistrationOutcome.Fail(LtiErrorCodes.RegistrationConfigurationInvalid, "The registration_token is too long.");
        }

        var configuration = await client.GetPlatformConfigurationAsync(configurationUrl, registrationToken, cancellationToken);
        if (!configuration.IsSuccess)
        {
            return DynamicRegistrationOutcome.Fail(configuration.Error.Code, configuration.Error.Message);
        }

        var platform = configuration.Value;
        var tool = new ToolDescription
        {
            ClientName = options.Value.ToolName,
            LaunchUri = urls.LaunchFor(context),
            LoginInitiationUri = urls.Login(context),
            JwksUri = urls.Jwks(context),
            Description = "Issues Open Badges 3.0 credentials for what learners achieve in the course.",
        };
        LtiResult<ToolRegistrationResult> registered;
        try
        {
            registered = await client.RegisterAsync(platform, ToolRegistrationRequestBuilder.Build(tool, platform), registrationToken, cancellationToken);
        }
        catch (HttpRequestException)
        {
            registered = LtiResult<ToolRegistrationResult>.Fail(LtiErrorCodes.RegistrationFailed, "The platform's registration endpoint could not be reached.");
        }

        if (!registered.IsSuccess)
        {
            return DynamicRegistrationOutcome.Fail(registered.Error.Code, registered.Error.Message);
        }

        var result = registered.Value;
        var family = RegistrationMapping.FromProductFamily(platform.ProductFamily);
        var saved = await platforms.UpsertAsync(
            new PlatformRegistration
            {
                Issuer = platform.Issuer,
                ClientId = result.ClientId,
                Name = $"{(platform.ProductFamily == LtiBadgeBridge.Lti.Platforms.ProductFamily.Other ? "LMS" : family)} {new Uri(platform.Issuer).Host}",
                ProductFamily = family,
                AuthorizationEndpoint = platform.AuthorizationEndpoint.AbsoluteUri,
                TokenEndpoint = platform.TokenEndpoint.AbsoluteUri,
                TokenAudience = platform.AuthorizationServer,
                JwksUri = platform.JwksUri.AbsoluteUri,
                RegistrationSource = "dynamic",
                RegistrationStatus = result.RequiresPlatformActivation ? RegistrationStatuses.Pending : RegistrationStatuses.Active,
                GrantedScopes = string.Join(' ', result.GrantedScopes),
            },
            cancellationToken);
        if (!string.IsNullOrEmpty(result.DeploymentId))
        {
            await platforms.EnsureDeploymentAsync(saved.Id, result.DeploymentId, DeploymentStatuses.Active, cancellationToken);
        }

        LtiWebLog.Registered(logger, saved.Id, family);
        return new DynamicRegistrationOutcome
        {
            Registration = saved,
            DeploymentId = result.DeploymentId,
            GrantedScopes = result.GrantedScopes,
            RequiresPlatformActivation = result.RequiresPlatformActivation,
            PlatformOrigin = new Uri(platform.Issuer).GetLeftPart(UriPartial.Authority),
        };
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}

/// <summary>The result of a dynamic registration: the stored registration, or a stable error code.</summary>
public sealed record DynamicRegistrationOutcome
{
    public PlatformRegistration? Registration { get; init; }
    public string? DeploymentId { get; init; }
    public IReadOnlyList<string> GrantedScopes { get; init; } = [];
    public bool RequiresPlatformActivation { get; init; }
    public string? PlatformOrigin { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    public static DynamicRegistrationOutcome Fail(string code, string message) => new() { ErrorCode = code, ErrorMessage = message };
}
