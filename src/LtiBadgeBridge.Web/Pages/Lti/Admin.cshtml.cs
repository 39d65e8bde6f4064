using LtiBadgeBridge.Web.Lti;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>The admin landing page after a launch (a placeholder until the in-LMS experience fills it).</summary>
public sealed class AdminModel : LtiPageModel
{
    protected override bool Allows(LtiSession session) => session.Roles.HasFlag(LtiBadgeBridge.Lti.Messages.LtiRoleKind.Admin);

    public void OnGet()
    {
    }
}
