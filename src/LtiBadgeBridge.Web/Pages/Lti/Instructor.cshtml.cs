using LtiBadgeBridge.Web.Lti;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>The instructor landing page after a launch (a placeholder until the in-LMS experience fills it).</summary>
public sealed class InstructorModel : LtiPageModel
{
    protected override bool Allows(LtiSession session) => session.IsInstructor;

    public void OnGet()
    {
    }
}
