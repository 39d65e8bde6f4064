using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Web.Lti;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>Where a platform admin lands after a launch: their platform at a glance and the way into the admin
/// console, which keeps this launch's session (so it works inside the iframe without cookies).</summary>
public sealed class AdminModel(PlatformStore platforms) : LtiPageModel
{
    public PlatformRegistration? Platform { get; private set; }

    protected override bool Allows(LtiSession session) => session.Roles.HasFlag(LtiRoleKind.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Platform = await platforms.GetAsync(LtiSession.PlatformId, cancellationToken);

    /// <summary>A console link carrying the session token.</summary>
    public string ConsoleLink(string path) => QueryHelpers.AddQueryString(path, LtiSessionHttpContextExtensions.TokenParameter, SessionToken);
}
