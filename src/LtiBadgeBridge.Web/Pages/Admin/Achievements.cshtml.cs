using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Web.Admin;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>Achievements across courses (read-only): course, state, award counts and the public badge link.</summary>
public sealed class AchievementsModel(AdminQueries queries, IssuanceSettings settings) : AdminPageModel
{
    public IReadOnlyList<AchievementOverview> Achievements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Achievements = await queries.AchievementsAsync(Admin.PlatformId, cancellationToken);

    public Uri BadgeUrl(long achievementId) => settings.AchievementUrl(achievementId);
}
