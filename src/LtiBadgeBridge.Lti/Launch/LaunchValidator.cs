using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch.Steps;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Lti.Launch;

/// <summary>Validates an LTI 1.3 launch (1EdTech Security Framework) as ordered steps: state, JWT format,
/// registration, signature, iss, aud/azp, exp/iat, nonce, deployment, message type and version, required
/// claims, target_link_uri. The first failing step decides the error code.</summary>
public sealed class LaunchValidator
{
    private readonly IReadOnlyList<ILaunchValidationStep> _steps;
    private readonly ILogger _logger;

    public LaunchValidator(
        ILtiRegistrationStore registrations,
        ILtiNonceStore nonces,
        IPlatformKeyResolver keys,
        IOptions<LtiToolOptions> options,
        TimeProvider timeProvider,
        ILogger<LaunchValidator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _steps =
        [
            new StateStep(),
            new JwtFormatStep(settings.MaxTokenLength),
            new RegistrationStep(registrations),
            new SignatureStep(keys),
            new IssuerStep(),
            new AudienceStep(),
            new LifetimeStep(timeProvider, settings.EffectiveClockSkew),
            new NonceStep(nonces, timeProvider),
            new DeploymentStep(registrations),
            new MessageTypeStep(),
            new RequiredClaimsStep(),
            new TargetLinkUriStep(settings),
        ];
    }

    public async Task<LtiResult<LtiLaunch>> ValidateAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        var context = new LaunchValidationContext(request);
        foreach (var step in _steps)
        {
            var error = await step.ValidateAsync(context, cancellationToken);
            if (error is not null)
            {
                LtiLog.LaunchRejected(_logger, step.GetType().Name, error.Code);
                return LtiResult<LtiLaunch>.Fail(error);
            }
        }

        var message = context.RequireMessage();
        var registration = context.RequireRegistration();
        LtiLog.LaunchAccepted(_logger, registration.Id, message.DeploymentId!);
        return LtiResult<LtiLaunch>.Ok(new LtiLaunch
        {
            Registration = registration,
            DeploymentId = message.DeploymentId!,
            Message = message,
            Login = context.Login!,
        });
    }
}
