using LtiBadgeBridge.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>What the <c>demo --register-in-lms</c> command prints: the steps an admin takes to register the tool in
/// the emulated Canvas and to give the tool its Canvas API key.</summary>
internal static class DemoRegistrationGuide
{
    /// <param name="generatedToken">The operator token the demo generated; the operator's own <c>Service:OperatorToken</c> wins.</param>
    public static string Text(DemoLmsOptions options, string generatedToken, IServiceProvider services)
    {
        var token = EffectiveToken(generatedToken, services);
        return $"""

            Demo running, with the badge tool NOT yet registered in the LMS.
              Demo LMS (an emulated Canvas course, "Cloud Computing", 43 learners): {options.Origin.AbsoluteUri}
              Badge service:                                                      {options.ToolOrigin.AbsoluteUri}
            As the LMS admin:
              1. Open {options.At(DemoRegistrationPages.DeveloperKeysPath).AbsoluteUri}, "+ LTI Registration" with the tool's URL
                 {new Uri(options.ToolOrigin, "/lti/register").AbsoluteUri}; when the tool closes the dialog, turn its key ON.
              2. Sign in to the tool's admin console {new Uri(options.ToolOrigin, "/admin").AbsoluteUri} with the operator token {token}
                 and enter the Canvas API key shown on the Developer Keys page (Canvas URL, client id, secret).
            Then launch as the instructor from the course home and connect the course to Canvas from the tool's course page.
            Press Ctrl+C to stop.
            """;
    }

    /// <summary>The operator token to print: the generated one, unless the operator configured their own (never echoed).</summary>
    public static string EffectiveToken(string generatedToken, IServiceProvider services)
    {
        var effective = services.GetRequiredService<IOptions<ServiceOptions>>().Value.OperatorToken;
        return effective == generatedToken ? generatedToken : "(the Service:OperatorToken you configured)";
    }
}
