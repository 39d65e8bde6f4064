using LtiBadgeBridge.Web.Lti;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>LTI Dynamic Registration: the platform opens this page with <c>openid_configuration</c> and
/// <c>registration_token</c>; we register and tell the admin what is left to do.</summary>
public sealed class RegisterModel(DynamicRegistrationService registration) : PageModel
{
    public DynamicRegistrationOutcome? Outcome { get; private set; }

    public string ErrorTitle { get; private set; } = "";

    public string ErrorAdvice { get; private set; } = "";

    public bool IsMoodle => Outcome?.Registration?.ProductFamily == LtiBadgeBridge.Registrations.ProductFamilies.Moodle;

    public async Task OnGetAsync([FromQuery(Name = "openid_configuration")] string? openIdConfiguration, [FromQuery(Name = "registration_token")] string? registrationToken)
    {
        Outcome = await registration.RegisterAsync(HttpContext, openIdConfiguration, registrationToken, HttpContext.RequestAborted);
        if (Outcome.ErrorCode is { } code)
        {
            (ErrorTitle, ErrorAdvice) = LtiHtml.Explain(code);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            LtiWebLog.Refused(HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LtiBadgeBridge.Web.Lti"), "register", code);
            HttpContext.ApplyLtiSecurityHeaders(null);
            return;
        }

        Response.Headers.ContentSecurityPolicy = LtiHtml.ContentSecurityPolicy([Outcome.PlatformOrigin!], scriptNonce: null);
        Response.Headers.CacheControl = "no-store";
    }
}
