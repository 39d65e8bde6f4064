using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Gradebook;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Web.Demo.Moodle;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Browser.Moodle;

/// <summary>The service's background work for the demo Moodle's course, driven from the test through
/// <see cref="DemoJobs.RunUntilAsync"/> (the service's own workers may take a message first; the outbox's leases make
/// the work happen once either way). The Moodle platform is the one dynamic registration stored.</summary>
internal sealed class MoodleJobs(BrowserFixture fixture)
{
    private readonly DemoJobs jobs = new(fixture);

    private DemoMoodle Moodle => fixture.Site.Lms.Moodle;

    public IServiceProvider Services => jobs.Services;

    public T Get<T>()
        where T : notnull => jobs.Get<T>();

    /// <summary>The platform the tool stored when Moodle registered it.</summary>
    public async Task<PlatformRegistration> PlatformAsync(CancellationToken cancellationToken) =>
        await Get<PlatformStore>().FindAsync(Moodle.WwwRoot, Moodle.CourseTool?.ClientId ?? "", cancellationToken)
            ?? throw new InvalidOperationException("The service has no platform for the demo Moodle.");

    /// <summary>The Moodle course as the service knows it (recorded by the first launch).</summary>
    public async Task<Course> CourseAsync(CancellationToken cancellationToken) =>
        await Get<CourseStore>().FindAsync((await PlatformAsync(cancellationToken)).Id, DemoMoodle.CourseId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken)
            ?? throw new InvalidOperationException("The Moodle course is not in the service's database.");

    /// <summary>Runs the outbox until the Moodle course's sync succeeded.</summary>
    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        var courseId = (await CourseAsync(cancellationToken)).Id;
        SyncStatus? status = null;
        await jobs.RunUntilAsync(() => $"the Moodle course sync succeeded (now: {status?.Status} {status?.Phase} {status?.LastErrorCode} {status?.LastError})", async ct =>
        {
            status = await Get<SyncRunStore>().GetAsync(courseId, ct);
            return status?.LastSuccessAt is not null && status.Status != SyncStates.Running;
        }, cancellationToken);
    }

    /// <summary>Runs the outbox until the pilot learner <paramref name="learner"/> holds a credential for the achievement.</summary>
    public async Task<CredentialRecord> WaitForCredentialAsync(long achievementId, int learner, CancellationToken cancellationToken)
    {
        var platformId = (await PlatformAsync(cancellationToken)).Id;
        var courseId = (await CourseAsync(cancellationToken)).Id;
        var userId = fixture.Site.Lms.Course.Learners[learner].UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        CredentialRecord? credential = null;
        await jobs.RunUntilAsync(() => $"Moodle learner {userId} holds a credential for achievement {achievementId}", async ct =>
        {
            if (await Get<CourseStore>().FindPersonAsync(platformId, userId, ct) is not { } person)
            {
                return false;
            }

            var award = (await Get<AwardService>().ListAsync(courseId, AwardStates.Earned, ct)).FirstOrDefault(a => a.AchievementId == achievementId && a.PersonId == person.Id);
            credential = award is null ? null : await Get<CredentialStore>().FindByAwardAsync(award.Id, ct);
            return credential is not null;
        }, cancellationToken);
        return credential!;
    }

    /// <summary>Posts pending gradebook scores until Moodle's gradebook holds one for the learner.</summary>
    public async Task WaitForMoodleScoreAsync(int learner, CancellationToken cancellationToken)
    {
        var userId = fixture.Site.Lms.Course.Learners[learner].UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var postScores = Services.GetServices<IOutboxHandler>().Single(h => h.Kind == GradebookKinds.PostScore);
        await jobs.RunUntilAsync(() => $"Moodle's gradebook holds a score for user {userId}", async ct =>
        {
            if (Moodle.Gradebook.LineItems.Any(l => Moodle.Gradebook.ScoreOf(l.Id, userId) is not null))
            {
                return true;
            }

            await postScores.ProcessBatchAsync(ct);
            return false;
        }, cancellationToken);
    }
}
