using System.Globalization;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Sync.Canvas;
using LtiBadgeBridge.Sync.Moodle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Syncs one course from its LMS into the snapshot tables (a Hangfire job; the <c>sync-course</c> outbox
/// handler runs it). One run per course at a time (a lease in <c>sync_runs</c>); it resumes from the
/// stored checkpoint; when it succeeds it publishes <c>evaluate-course</c>. Failures are recorded in
/// plain words with a stable code and returned as a <see cref="SyncRunResult"/>.
/// </summary>
public sealed partial class SyncCourseJob(
    CourseStore courses,
    SyncRunStore runs,
    PlatformCredentialsStore credentials,
    SyncPublisher publisher,
    PersonAdoption adoption,
    ICanvasClientFactory canvasClients,
    ICanvasOAuthClient canvasOAuth,
    IMoodleClientFactory moodleClients,
    IServiceProvider services,
    IOptions<SyncOptions> options,
    TimeProvider timeProvider,
    ILogger<SyncCourseJob> logger)
{
    public async Task<SyncRunResult> RunAsync(long courseId, CancellationToken cancellationToken)
    {
        var course = await courses.GetAsync(courseId, cancellationToken);
        if (course is null)
        {
            return new SyncRunResult { Outcome = SyncOutcome.Stopped, Code = SyncErrorCodes.CourseUnknown, Message = "There is no such course." };
        }

        if (course.LmsState == CourseStates.Deleted)
        {
            return new SyncRunResult { Outcome = SyncOutcome.Stopped, Code = PlatformErrorCodes.CanvasCourseNotFound, Message = "The course was deleted in the LMS; it is no longer synced." };
        }

        var lease = await runs.TryAcquireAsync(course.PlatformId, course.Id, options.Value.Lease, cancellationToken);
        if (lease is null)
        {
            LogBusy(logger, courseId);
            return SyncRunResult.Busy;
        }

        var context = new SyncContext
        {
            Course = course,
            Lease = options.Value.Lease,
            Checkpoint = SyncRunStore.CheckpointOf(lease) ?? new SyncCheckpoint
            {
                Phase = SyncPhases.Course,
                RunStartedAt = timeProvider.GetUtcNow(),
                Since = lease.LastSuccessAt - TimeSpan.FromMinutes(options.Value.IncrementalOverlapMinutes),
            },
        };

        SyncRunResult result;
        try
        {
            result = await RunPlatformAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await runs.FailAsync(course.Id, SyncStates.Failed, SyncErrorCodes.Cancelled, "The sync was stopped before it finished; the next run resumes where it left off.", CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            LogCrashed(logger, ex, courseId);
            await runs.FailAsync(course.Id, SyncStates.Failed, SyncErrorCodes.Internal, "The sync failed unexpectedly; it will try again from where it left off.", CancellationToken.None);
            throw;
        }

        await FinishAsync(context, result, cancellationToken);
        LogFinished(logger, courseId, result.Outcome, result.Code, context.ChangedRows);
        return result with { ChangedRows = context.ChangedRows };
    }

    private async Task<SyncRunResult> RunPlatformAsync(SyncContext context, CancellationToken cancellationToken)
    {
        var lms = await credentials.GetAsync(context.PlatformId, cancellationToken);
        if (lms is null)
        {
            return Paused(SyncErrorCodes.NotConfigured, "No LMS API credentials are configured for this platform; an administrator must add them (sync configure-canvas or configure-moodle).");
        }

        if (!long.TryParse(context.Course.LmsCourseId, NumberStyles.None, CultureInfo.InvariantCulture, out var lmsCourseId))
        {
            return Paused(SyncErrorCodes.NoLmsCourseId, "The LMS course id of this course is not known yet; launch the tool from the course once.");
        }

        PlatformError? error;
        if (lms.Kind == PlatformCredentialsStore.CanvasKind)
        {
            var token = await credentials.GetCourseTokenAsync(context.CourseId, cancellationToken);
            if (token is null)
            {
                return Paused(SyncErrorCodes.NotConnected, "This course is not connected to Canvas yet; an instructor must connect it from the tool (Connect to Canvas).");
            }

            var key = new CanvasDeveloperKey { ClientId = lms.ClientId ?? string.Empty, ClientSecret = lms.Secret, RedirectUri = options.Value.CanvasRedirectUri ?? new Uri(lms.BaseUrl, "/") };
            var session = new CanvasSession(canvasClients, canvasOAuth, credentials, key, lms.BaseUrl, context.PlatformId, context.CourseId, token, timeProvider);
            error = await Resolve<CanvasCourseSync>().RunAsync(context, session, lmsCourseId, cancellationToken);
        }
        else
        {
            var client = moodleClients.Create(lms.BaseUrl, lms.Secret);
            error = await Resolve<MoodleCourseSync>().RunAsync(context, client, lmsCourseId, cancellationToken);
        }

        if (error is not null)
        {
            return await ClassifyAsync(context, error, cancellationToken);
        }

        return context.Warning is { } warning
            ? new SyncRunResult { Outcome = SyncOutcome.Succeeded, Code = warning.Code, Message = "The sync finished without some optional data. " + warning.Message }
            : new SyncRunResult { Outcome = SyncOutcome.Succeeded };
    }

    private async Task<SyncRunResult> ClassifyAsync(SyncContext context, PlatformError error, CancellationToken cancellationToken)
    {
        switch (error.Kind)
        {
            case PlatformErrorKind.NotFound when error.Code == PlatformErrorCodes.CanvasCourseNotFound:
                await courses.SetLmsStateAsync(context.CourseId, CourseStates.Deleted, cancellationToken);
                return new SyncRunResult { Outcome = SyncOutcome.Stopped, Code = error.Code, Message = error.Message };
            case PlatformErrorKind.TokenInvalid:
                return Paused(SyncErrorCodes.ReconnectRequired,
                    "The LMS no longer accepts this course's access (the token expired or was revoked, and refreshing it failed). " +
                    "An instructor must reconnect the course; the sync resumes after that. (" + error.Code + ")");
            case PlatformErrorKind.Transient or PlatformErrorKind.Throttled:
                return new SyncRunResult { Outcome = SyncOutcome.Retry, Code = error.Code, Message = error.Message, RetryAfter = error.RetryAfter };
            default:
                return new SyncRunResult { Outcome = SyncOutcome.Paused, Code = error.Code, Message = error.Message };
        }
    }

    private async Task FinishAsync(SyncContext context, SyncRunResult result, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case SyncOutcome.Succeeded:
                await runs.SucceedAsync(context.CourseId, context.Checkpoint.RunStartedAt, result.Code, result.Message, cancellationToken);

                // Learners who launched during the run are merged with the placeholders it wrote before the
                // evaluation reads them, so their first look at the course already shows their progress.
                await ApplyPendingAdoptionsAsync(context, cancellationToken);
                await publisher.PublishEvaluateAsync(context.PlatformId, context.CourseId, timeProvider.GetUtcNow(), cancellationToken);
                return;
            case SyncOutcome.Stopped:
                await runs.FailAsync(context.CourseId, SyncStates.Stopped, result.Code!, result.Message!, cancellationToken);
                break;
            case SyncOutcome.Paused:
                await runs.FailAsync(context.CourseId, SyncStates.Paused, result.Code!, result.Message!, cancellationToken);
                break;
            default:
                await runs.FailAsync(context.CourseId, SyncStates.Failed, result.Code!, result.Message!, cancellationToken);
                break;
        }

        await ApplyPendingAdoptionsAsync(context, cancellationToken);
    }

    /// <summary>Applies the adoptions that waited for this run (its lease is released now); another run of the platform may still hold them back.</summary>
    private async Task ApplyPendingAdoptionsAsync(SyncContext context, CancellationToken cancellationToken)
    {
        if (!await adoption.TryApplyPendingAsync(context.PlatformId, cancellationToken))
        {
            LogAdoptionsWait(logger, context.CourseId);
        }
    }

    private T Resolve<T>() where T : notnull => (T)services.GetService(typeof(T))!;

    private static SyncRunResult Paused(string code, string message) => new() { Outcome = SyncOutcome.Paused, Code = code, Message = message };

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Sync of course {CourseId} skipped: another run holds the lease")]
    private static partial void LogBusy(ILogger logger, long courseId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Sync of course {CourseId} ended {Outcome} ({Code}); {ChangedRows} rows changed")]
    private static partial void LogFinished(ILogger logger, long courseId, SyncOutcome outcome, string? code, int changedRows);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Sync of course {CourseId} ended; pending person adoptions wait for another run of the platform")]
    private static partial void LogAdoptionsWait(ILogger logger, long courseId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Sync of course {CourseId} failed unexpectedly")]
    private static partial void LogCrashed(ILogger logger, Exception exception, long courseId);
}
