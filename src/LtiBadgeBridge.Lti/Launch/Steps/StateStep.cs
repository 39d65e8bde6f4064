using System.Security.Cryptography;
using System.Text;

namespace LtiBadgeBridge.Lti.Launch.Steps;

/// <summary>The posted state equals the state bound to this browser (cookie or platform storage).</summary>
public sealed class StateStep : ILaunchValidationStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchValidationContext context, CancellationToken cancellationToken)
    {
        var posted = context.Request.PostedState;
        var browser = context.Request.BrowserState;
        if (string.IsNullOrEmpty(posted) || string.IsNullOrEmpty(browser))
        {
            return Fail(LtiErrorCodes.StateMissing, "The launch carries no state, or this browser holds none.");
        }

        var equal = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(posted), Encoding.UTF8.GetBytes(browser));
        return equal ? ValueTask.FromResult<LtiError?>(null) : Fail(LtiErrorCodes.StateMismatch, "The state does not match the one this browser started.");
    }

    private static ValueTask<LtiError?> Fail(string code, string message) => ValueTask.FromResult<LtiError?>(new LtiError(code, message));
}
