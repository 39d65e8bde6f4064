using LtiBadgeBridge.Learners;

namespace LtiBadgeBridge.Web.Pages.Lti.Learner;

/// <summary>One achievement as the learner sees it: what it takes, their progress, or their badge (what a badge card opens).</summary>
public sealed class AchievementModel(LearnerBadgeQuery query) : LtiPageModel
{
    /// <summary>The stable code of the page shown when the achievement is not one of this course's.</summary>
    public const string NotFoundCode = "learner.achievement_not_found";

    public LearnerAchievement? Achievement { get; private set; }

    public string Link(string path) => LearnerLinks.WithSession(path, SessionToken);

    public async Task OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (LtiSession.CourseId is { } courseId && id > 0)
        {
            Achievement = await query.AchievementAsync(LtiSession.PlatformId, courseId, LtiSession.PersonId, id, cancellationToken);
        }

        if (Achievement is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
