using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Browser.Infrastructure;

/// <summary>
/// The service's background work for the demo course, driven from the test: its own outbox handlers (sync, evaluation,
/// issuance, revocation) run in dependency order until the state the test waits for is in the database. The service's
/// job workers may take a message first; both claim through the outbox's leases, so either way the work is done once.
/// </summary>
internal sealed class DemoJobs
{
    /// <summary>How long the whole chain may take on a busy two-core machine (a full sync of 43 learners included).</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private static readonly string[] Kinds =
    [
        SyncPublisher.SyncCourseKind,
        EvaluationKeys.EvaluateCourseKind,
        EvaluationKeys.IssueCredentialKind,
        EvaluationKeys.RevokeCredentialKind,
    ];

    private static readonly System.Text.Json.JsonSerializerOptions PayloadJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private readonly DemoSite site;

    public DemoJobs(BrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        site = fixture.Site;
    }

    public IServiceProvider Services => site.Service.Services;

    public long PlatformId => site.Platform.Id;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The demo course as the service knows it (recorded when the demo was configured).</summary>
    public async Task<Course> CourseAsync(CancellationToken cancellationToken) =>
        await Get<CourseStore>().FindAsync(PlatformId, site.Lms.Course.ContextId, cancellationToken)
            ?? throw new InvalidOperationException("The demo course is not in the service's database.");

    /// <summary>The service's person for the pilot course's learner <paramref name="learner"/>, once a sync recorded them.</summary>
    public Task<Person?> LearnerAsync(int learner, CancellationToken cancellationToken) =>
        Get<CourseStore>().FindPersonAsync(PlatformId, site.Lms.Course.Learners[learner].Subject, cancellationToken);

    /// <summary>Runs the outbox until the demo course's sync succeeded (a sync that keeps failing times out with its error).</summary>
    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        var courseId = (await CourseAsync(cancellationToken)).Id;
        SyncStatus? status = null;
        await RunUntilAsync(() => $"the course sync succeeded (now: {status?.Status} {status?.Phase} {status?.LastErrorCode} {status?.LastError})", async ct =>
        {
            status = await Get<SyncRunStore>().GetAsync(courseId, ct);
            return status?.LastSuccessAt is not null && status.Status != SyncStates.Running;
        }, cancellationToken);
    }

    /// <summary>Asks for another sync of the demo course now (as the schedule would) and runs it to success: people who
    /// launched while the first sync ran are then matched to their LMS records.</summary>
    public async Task SyncAgainAsync(CancellationToken cancellationToken)
    {
        var course = await CourseAsync(cancellationToken);
        var before = (await Get<SyncRunStore>().GetAsync(course.Id, cancellationToken))?.LastSuccessAt;
        var payload = System.Text.Json.JsonSerializer.Serialize(new SyncCoursePayload { CourseId = course.Id, Reason = "schedule" }, PayloadJson);
        await Get<OutboxStore>().EnqueueAsync(PlatformId, SyncPublisher.SyncCourseKind, $"sync-course:{course.Id}:test-{Guid.NewGuid():N}", payload, cancellationToken);
        SyncStatus? status = null;
        await RunUntilAsync(() => $"a second course sync succeeded (now: {status?.Status} {status?.Phase} {status?.LastErrorCode} {status?.LastError})", async ct =>
        {
            status = await Get<SyncRunStore>().GetAsync(course.Id, ct);
            return status?.LastSuccessAt > before && status.Status != SyncStates.Running;
        }, cancellationToken);
    }

    /// <summary>Runs the outbox until the learner's award of <paramref name="achievementId"/> has a credential; returns it.</summary>
    public async Task<CredentialRecord> WaitForCredentialAsync(long achievementId, int learner, CancellationToken cancellationToken)
    {
        var courseId = (await CourseAsync(cancellationToken)).Id;
        CredentialRecord? credential = null;
        var seen = "no person";
        await RunUntilAsync(() => $"learner {learner} holds a credential for achievement {achievementId} (seen: {seen})", async ct =>
        {
            if (await LearnerAsync(learner, ct) is not { } person)
            {
                return false;
            }

            var awards = await Get<AwardService>().ListAsync(courseId, AwardStates.Earned, ct);
            var pending = await Get<AwardService>().ListAsync(courseId, AwardStates.PendingApproval, ct);
            var award = awards.FirstOrDefault(a => a.AchievementId == achievementId && a.PersonId == person.Id);
            seen = $"person {person.Id}, {awards.Count} earned, {pending.Count} pending, award {award?.Id}";
            credential = award is null ? null : await Get<CredentialStore>().FindByAwardAsync(award.Id, ct);
            return credential is not null;
        }, cancellationToken);
        return credential!;
    }

    /// <summary>Runs the outbox until the credential reads as revoked.</summary>
    public Task WaitForRevocationAsync(string publicId, CancellationToken cancellationToken) =>
        RunUntilAsync(() => $"credential {publicId} is revoked", async ct =>
            (await Get<CredentialStore>().FindByPublicIdAsync(publicId, ct))?.IsRevoked == true, cancellationToken);

    /// <summary>Runs the outbox (and the gradebook post-back) until the demo Canvas gradebook holds a score for the learner.</summary>
    public Task WaitForCanvasScoreAsync(int learner, CancellationToken cancellationToken)
    {
        var subject = site.Lms.Course.Learners[learner].Subject;
        var gradebook = site.Lms.Gradebook;
        var postScores = Services.GetServices<IOutboxHandler>().Single(h => h.Kind == LtiBadgeBridge.Gradebook.GradebookKinds.PostScore);
        return RunUntilAsync(() => $"the demo gradebook holds a score for {subject}", async ct =>
        {
            if (gradebook.LineItems.Any(l => gradebook.ScoreOf(l.Id, subject) is not null))
            {
                return true;
            }

            await postScores.ProcessBatchAsync(ct);
            return false;
        }, cancellationToken);
    }

    /// <summary>Processes one batch of each kind in order, then checks <paramref name="done"/>; repeats until it holds.</summary>
    public async Task RunUntilAsync(Func<string> what, Func<CancellationToken, Task<bool>> done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(done);
        var handlers = Services.GetServices<IOutboxHandler>().Where(h => Kinds.Contains(h.Kind)).OrderBy(h => Array.IndexOf(Kinds, h.Kind)).ToList();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done(cancellationToken))
        {
            if (waited.Elapsed > Deadline)
            {
                throw new TimeoutException($"Waited {Deadline.TotalMinutes} minutes for: {what()}.");
            }

            var processed = 0;
            foreach (var handler in handlers)
            {
                processed += await handler.ProcessBatchAsync(cancellationToken);
            }

            if (processed == 0)
            {
                // Nothing claimable now: a worker holds the message, or it waits for its retry time.
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }
}
