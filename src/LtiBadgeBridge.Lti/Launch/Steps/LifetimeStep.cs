namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary><c>exp</c> is in the future and <c>iat</c> not in the future, each within the bounded skew.</summary>
public sealed class LifetimeStep(TimeProvider timeProvider, TimeSpan clockSkew) : ILaunchValidationStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var message = context.RequireMessage();
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)clockSkew.TotalSeconds;
        LtiError? error = null;
        if (message.Expires is not { } exp || exp + skew <= now)
        {
            error = new LtiError(LtiErrorCodes.TokenExpired, "The id_token has expired (or has no exp).");
        }
        else if (message.IssuedAt is not { } iat || iat - skew > now)
        {
            error = new LtiError(LtiErrorCodes.IatInFuture, "The id_token was issued in the future (or has no iat).");
        }

        return ValueTask.FromResult(error);
    }
}
