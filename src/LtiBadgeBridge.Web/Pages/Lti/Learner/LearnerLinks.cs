using System.Globalization;

namespace LtiBadgeBridge.Web.Pages.Lti.Learner;

/// <summary>Paths of the learner's pages, with the session token every in-tool link must carry.</summary>
public static class LearnerLinks
{
    public const string HomePath = "/lti/learner";

    public static string AchievementPath(long achievementId) => "/lti/learner/achievements/" + achievementId.ToString(CultureInfo.InvariantCulture);

    public static string WithSession(string path, string sessionToken) =>
        string.IsNullOrEmpty(sessionToken) ? path : path + "?s=" + Uri.EscapeDataString(sessionToken);
}
