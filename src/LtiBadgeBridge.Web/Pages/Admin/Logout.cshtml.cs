using LtiBadgeBridge.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>Ends an operator login (POST with antiforgery; a GET shows the button).</summary>
public sealed class LogoutModel(AdminAccess access) : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        access.SignOutOperator(HttpContext);
        return LocalRedirect("/admin/login");
    }
}
