using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Web.Lti;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>The deep linking picker: the instructor chooses badge cards (one per active achievement of the course)
/// to place in the course, optionally each with a gradebook column, or a plain link to the course's badges.</summary>
public sealed class DeepLinkModel(AchievementStore achievements) : LtiPageModel
{
    public string DefaultTitle => DeepLinkPicker.DefaultTitle;

    public bool AcceptsLineItem => LtiSession.DeepLink?.AcceptLineItem == true;

    public bool AcceptsMultiple => LtiSession.DeepLink?.AcceptMultiple == true;

    internal IReadOnlyList<DeepLinkPicker.BadgeCard> Cards { get; private set; } = [];

    protected override bool Allows(LtiSession session) => session.DeepLink is not null && session.IsInstructor;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cards = await DeepLinkPicker.ListCardsAsync(achievements, LtiSession, cancellationToken);
    }

    /// <summary>Only inline images (data URIs) are shown here: the page's policy allows no other origin.</summary>
    public static bool CanShow(string? image) => image is not null && image.StartsWith("data:image/", StringComparison.Ordinal);
}
