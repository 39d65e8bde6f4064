using LtiBadgeBridge.Learners;
using LtiBadgeBridge.Web.Pages.Lti.Learner;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>"My badges in this course": the learner's own badges and their progress towards the others.</summary>
public sealed class LearnerModel(LearnerBadgeQuery query) : LtiPageModel
{
    /// <summary>Null when the launch came from outside a course.</summary>
    public LearnerCourse? Course { get; private set; }

    /// <summary>A link inside the tool that keeps the session (<c>s=</c>).</summary>
    public string Link(string path) => LearnerLinks.WithSession(path, SessionToken);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (LtiSession.CourseId is { } courseId)
        {
            Course = await query.CourseAsync(LtiSession.PlatformId, courseId, LtiSession.PersonId, cancellationToken);
        }
    }
}
