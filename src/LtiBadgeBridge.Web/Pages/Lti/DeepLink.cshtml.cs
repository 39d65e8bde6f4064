using LtiBadgeBridge.Web.Lti;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>The deep linking picker: the instructor chooses what to place in the course.</summary>
public sealed class DeepLinkModel : LtiPageModel
{
    public string DefaultTitle => DeepLinkPicker.DefaultTitle;

    public bool AcceptsLineItem => LtiSession.DeepLink?.AcceptLineItem == true;

    protected override bool Allows(LtiSession session) => session.DeepLink is not null && session.IsInstructor;

    public void OnGet()
    {
    }
}
