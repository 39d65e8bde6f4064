using LtiBadgeBridge.Web.Lti;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>The learner landing page after a launch (a placeholder until the in-LMS experience fills it).</summary>
public sealed class LearnerModel : LtiPageModel
{
    public void OnGet()
    {
    }
}
