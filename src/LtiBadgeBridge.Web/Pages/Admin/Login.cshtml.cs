using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>The operator's login: <c>Service:OperatorToken</c> in, an admin cookie out. Attempts are rate limited.</summary>
public sealed class LoginModel(AdminAccess access, AdminLoginLimiter limiter, AuditLog audit, ILogger<LoginModel> logger) : PageModel
{
    public bool Enabled => access.OperatorLoginEnabled;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public string? Error { get; private set; }

    public string? ErrorCode { get; private set; }

    public IActionResult OnGet()
    {
        SendHeaders();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SendHeaders();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!Enabled)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!limiter.TryAcquire(client, out var retryAfter))
        {
            AdminLog.OperatorLoginThrottled(logger);
            var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Fail(StatusCodes.Status429TooManyRequests, $"Too many login attempts. Wait {seconds} seconds and try again.", "admin.login_throttled");
        }

        if (access.CheckOperatorToken(Token) != OperatorLoginOutcome.Accepted)
        {
            AdminLog.OperatorTokenRejected(logger);
            return Fail(StatusCodes.Status401Unauthorized, "That is not the operator token. Check Service:OperatorToken in the service's settings.", "admin.token_invalid");
        }

        access.SignInOperator(HttpContext);
        AdminLog.OperatorSignedIn(logger);
        await audit.RecordAsync(null, AdminPrincipal.OperatorActor, "admin.signed_in", null, null, cancellationToken);
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>Only a path inside the console; anything else goes to the console's home.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 2000 }
        && returnUrl.StartsWith("/admin", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/admin/login", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : "/admin";

    private PageResult Fail(int statusCode, string message, string code)
    {
        Response.StatusCode = statusCode;
        Error = message;
        ErrorCode = code;
        Token = null;
        return Page();
    }

    private void SendHeaders() => AdminHeaders.Apply(HttpContext, session: null);
}
