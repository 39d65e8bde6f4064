using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Web.Instructor;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Lti.Instructor.Achievements;

/// <summary>An achievement's awards in the course: approve those waiting (approval gate), revoke earned ones with a reason.</summary>
public sealed class AwardsModel(AchievementStore store, AwardService awards, CourseStore courses) : InstructorPageModel
{
    [FromRoute(Name = "id")]
    public long Id { get; set; }

    [BindProperty]
    public long AwardId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public StoredAchievement? Achievement { get; private set; }

    public IReadOnlyList<Award> Pending { get; private set; } = [];

    public IReadOnlyList<Award> Earned { get; private set; } = [];

    public IReadOnlyList<Award> Revoked { get; private set; } = [];

    /// <summary>The refusal of the last action, shown next to the award it concerned.</summary>
    public AwardActionResult? Refusal { get; private set; }

    public IReadOnlyDictionary<long, Person> People { get; private set; } = new Dictionary<long, Person>();

    public string NameOf(long personId) =>
        People.TryGetValue(personId, out var person) ? person.Name ?? person.Email ?? person.LtiUserId : $"person {personId}";

    public string? EmailOf(long personId) => People.TryGetValue(personId, out var person) ? person.Email : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } problem)
        {
            return problem;
        }

        if (!Pending.Any(a => a.Id == AwardId))
        {
            return await RefuseAsync(AwardActionResult.Fail(AwardId, AchievementErrorCodes.NotPending, "this award is not waiting for approval"), cancellationToken);
        }

        var result = await awards.ApproveAsync(AwardId, IndexModel.Actor(LtiSession), cancellationToken);
        return result.Succeeded ? Redirect(Link(AchievementUrl(Id, "/awards") + "?done=approved")) : await RefuseAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } problem)
        {
            return problem;
        }

        if (!Earned.Any(a => a.Id == AwardId) && !Pending.Any(a => a.Id == AwardId))
        {
            return await RefuseAsync(AwardActionResult.Fail(AwardId, AchievementErrorCodes.AwardNotFound, "this award is not one of this achievement's current awards"), cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            return await RefuseAsync(AwardActionResult.Fail(AwardId, AchievementErrorCodes.ReasonRequired, "give a reason: the learner and verifiers see that the credential was revoked"), cancellationToken);
        }

        var result = await awards.RevokeAsync(AwardId, Reason, IndexModel.Actor(LtiSession), cancellationToken);
        return result.Succeeded ? Redirect(Link(AchievementUrl(Id, "/awards") + "?done=revoked")) : await RefuseAsync(result, cancellationToken);
    }

    private async Task<IActionResult> RefuseAsync(AwardActionResult result, CancellationToken cancellationToken)
    {
        Refusal = result;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (RequireCourse() is { } problem)
        {
            return problem;
        }

        Achievement = await store.GetAsync(Id, cancellationToken);
        if (Achievement is null || Achievement.PlatformId != LtiSession.PlatformId || Achievement.CourseId != CourseId)
        {
            return ProblemPage(StatusCodes.Status404NotFound, AchievementErrorCodes.AchievementNotFound, "This achievement does not exist in this course.");
        }

        Pending = await ListAsync(AwardStates.PendingApproval, cancellationToken);
        Earned = await ListAsync(AwardStates.Earned, cancellationToken);
        Revoked = await ListAsync(AwardStates.Revoked, cancellationToken);
        People = (await courses.ListMembersAsync(CourseId, cancellationToken)).ToDictionary(m => m.Person.Id, m => m.Person);
        return null;
    }

    private async Task<IReadOnlyList<Award>> ListAsync(string state, CancellationToken cancellationToken) =>
        [.. (await awards.ListAsync(CourseId, state, cancellationToken)).Where(a => a.AchievementId == Id)];
}
