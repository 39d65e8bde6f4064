using System.Text.Json;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Services;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using Microsoft.Extensions.Logging;
using ProtocolRegistration = LtiBadgeBridge.Lti.Platforms.PlatformRegistration;

namespace LtiBadgeBridge.Gradebook;

/// <summary>
/// The outbox handler for <c>post-score</c>: puts an issued badge in the LMS gradebook (1/1 on the achievement's
/// AGS line item, with the verify URL in the comment) and takes it back on revocation (0/1, "revoked"). The line
/// item is found by <c>resourceId</c> (a deep-linked column) or created once, and remembered per course. Each score
/// event is recorded with its outcome in the transaction that marks the message done, so a redelivered message
/// never posts twice. Nothing to post to (no AGS in the launch, scope not granted) or a refusal (401/403/4xx) is
/// recorded and reported once, never retried in a loop; only transient failures (5xx, 429, network) are retried,
/// with backoff and a cap.
/// </summary>
public sealed partial class PostScoreHandler(
    OutboxStore outbox,
    GradebookStore store,
    PlatformStore platforms,
    AgsClient ags,
    IssuanceSettings settings,
    TimeProvider timeProvider,
    ILogger<PostScoreHandler> logger) : IOutboxHandler
{
    /// <summary>Attempts before a transient failure is given up (and reported).</summary>
    public const int MaxAttempts = 8;

    /// <summary>Attempts for a Canvas 403 (which may be throttling rather than a refusal).</summary>
    public const int MaxForbiddenAttempts = 3;

    private const int BatchSize = 25;
    private const string ProvisionalPrefix = "lms:";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => GradebookKinds.PostScore;

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var messages = await outbox.ClaimAsync(Kind, BatchSize, Lease, cancellationToken);
        foreach (var message in messages)
        {
            await ProcessAsync(message, cancellationToken);
        }

        return messages.Count;
    }

    private async Task ProcessAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var awardId = ReadAwardId(message.Payload);
        var scoreEvent = GradebookKinds.EventOf(message.DedupeKey);
        if (awardId is null || scoreEvent is null)
        {
            await outbox.MarkFailedAsync(message.Id, "payload is not {\"awardId\":<number>} or the key names no event", TimeSpan.FromDays(1), cancellationToken);
            return;
        }

        var target = await store.LoadTargetAsync(awardId.Value, cancellationToken);
        if (target is null)
        {
            await outbox.MarkProcessedAsync(message.Id, cancellationToken); // The award is gone: nothing to deliver.
            return;
        }

        if (await store.FindRecordedAsync(target.AwardId, scoreEvent, cancellationToken) is not null)
        {
            await outbox.MarkProcessedAsync(message.Id, cancellationToken); // Delivered (or settled) before a crash or a duplicate.
            return;
        }

        var outcome = await DeliverAsync(target, scoreEvent, message, cancellationToken);
        switch (outcome.State)
        {
            case null:
                LogRetry(logger, target.AwardId, scoreEvent, outcome.Code!, message.Attempts);
                await outbox.MarkFailedAsync(message.Id, $"{outcome.Code}: {outcome.Message}", Backoff(message.Attempts), cancellationToken);
                break;
            case ScoreStates.Posted:
                await store.RecordAsync(target, scoreEvent, ScoreStates.Posted, outcome.Timestamp, null, message.Id, cancellationToken);
                LogPosted(logger, target.AwardId, scoreEvent);
                break;
            default:
                LogNotPosted(logger, target.AwardId, scoreEvent, outcome.State, outcome.Code!);
                await store.RecordAsync(target, scoreEvent, outcome.State, null, $"{outcome.Code}: {outcome.Message}", message.Id, cancellationToken);
                break;
        }
    }

    private async Task<Outcome> DeliverAsync(ScoreTarget target, string scoreEvent, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (target.CourseId is not { } courseId)
        {
            return Outcome.Skip(GradebookErrorCodes.NoCourse, "The award belongs to no course, so there is no gradebook to post to.");
        }

        if (!Uri.TryCreate(target.AgsLineitemsUrl, UriKind.Absolute, out var lineItemsUrl))
        {
            return Outcome.Skip(GradebookErrorCodes.NoAgs, "The platform did not offer the gradebook service (AGS) in the course's launches.");
        }

        if (target.PublicId is null || target.IssuedAt is null)
        {
            return Outcome.Skip(GradebookErrorCodes.NoCredential, "The award has no issued credential.");
        }

        var stored = await platforms.GetAsync(target.PlatformId, cancellationToken);
        if (stored is null)
        {
            return Outcome.Skip(GradebookErrorCodes.NoCourse, "The platform registration is gone.");
        }

        var registration = RegistrationMapping.ToProtocol(stored);
        string? userId = target.LtiUserId;
        if (userId.StartsWith(ProvisionalPrefix, StringComparison.Ordinal))
        {
            // Synced from the LMS's REST API, not yet seen in a launch: AGS needs the LTI user id.
            userId = await store.FindLaunchedUserIdAsync(target.PlatformId, target.LmsUserId, cancellationToken);
            if (userId is null)
            {
                return Retry(message, GradebookErrorCodes.LearnerUnknown, "The learner has not opened the tool from the course yet, so the gradebook's id for them is unknown.");
            }
        }

        try
        {
            var lineItem = await store.GetLineItemAsync(courseId, target.AchievementId, cancellationToken);
            if (lineItem is null)
            {
                var found = await FindOrCreateLineItemAsync(registration, lineItemsUrl, target, cancellationToken);
                if (!found.IsSuccess)
                {
                    return Classify(found.Error, registration, message);
                }

                lineItem = await store.SaveLineItemAsync(target.PlatformId, courseId, target.AchievementId, found.Value, cancellationToken);
            }

            var score = BuildScore(target with { LtiUserId = userId }, scoreEvent, await store.LastPostedAsync(target.AwardId, cancellationToken));
            var posted = await ags.PostScoreAsync(registration, new Uri(lineItem), score, cancellationToken);
            return posted.IsSuccess ? Outcome.Posted(score.Timestamp) : Classify(posted.Error, registration, message);
        }
        catch (HttpRequestException e)
        {
            return Retry(message, GradebookErrorCodes.Unreachable, $"The platform could not be reached ({e.HttpRequestError}).");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Retry(message, GradebookErrorCodes.Unreachable, "The platform did not answer in time.");
        }
    }

    private async Task<LtiResult<string>> FindOrCreateLineItemAsync(ProtocolRegistration registration, Uri lineItemsUrl, ScoreTarget target, CancellationToken cancellationToken)
    {
        var resourceId = GradebookKinds.ResourceId(target.AchievementId);
        var existing = await ags.GetLineItemsAsync(registration, lineItemsUrl, resourceId: resourceId, cancellationToken: cancellationToken);
        if (!existing.IsSuccess)
        {
            return LtiResult<string>.Fail(existing.Error);
        }

        if (existing.Value.FirstOrDefault(l => l.ResourceId == resourceId && l.Id is not null) is { Id: { } id })
        {
            return LtiResult<string>.Ok(id);
        }

        var created = await ags.CreateLineItemAsync(registration, lineItemsUrl, new LineItem
        {
            Label = Truncate(target.AchievementName, 200),
            ScoreMaximum = 1,
            ResourceId = resourceId,
            Tag = GradebookKinds.LineItemTag,
        }, cancellationToken);
        if (!created.IsSuccess)
        {
            return LtiResult<string>.Fail(created.Error);
        }

        return created.Value.Id is { } createdId && Uri.TryCreate(createdId, UriKind.Absolute, out _)
            ? LtiResult<string>.Ok(createdId)
            : LtiResult<string>.Fail(LtiErrorCodes.ServiceResponseInvalid, "The created line item has no id URL.");
    }

    /// <summary>The score of an event: 1/1 when issued, 0/1 when revoked; the timestamp is the event's time (to the
    /// millisecond), moved past the last one posted for this learner and line item since platforms refuse older ones.</summary>
    private Score BuildScore(ScoreTarget target, string scoreEvent, DateTimeOffset? lastPosted)
    {
        var revoked = scoreEvent == GradebookKinds.Revoked;
        var at = Milliseconds(revoked ? target.RevokedAt ?? timeProvider.GetUtcNow() : target.IssuedAt!.Value);
        if (lastPosted is { } last && at <= Milliseconds(last))
        {
            at = Milliseconds(last).AddMilliseconds(1);
        }

        var verify = settings.CredentialPageUrl(target.PublicId!).AbsoluteUri;
        return new Score
        {
            UserId = target.LtiUserId,
            ScoreGiven = revoked ? 0 : 1,
            ScoreMaximum = 1,
            ActivityProgress = "Completed",
            GradingProgress = "FullyGraded",
            Timestamp = at,
            Comment = revoked
                ? Truncate($"Badge \"{target.AchievementName}\" revoked" + (string.IsNullOrWhiteSpace(target.RevocationReason) ? "." : $": {target.RevocationReason}.") + $" {verify}", 1000)
                : Truncate($"Badge \"{target.AchievementName}\" earned. Verify it at {verify}", 1000),
        };
    }

    private Outcome Classify(LtiError error, ProtocolRegistration registration, OutboxMessage message)
    {
        if (error.Code == LtiErrorCodes.ScopeNotGranted)
        {
            return Outcome.Skip(GradebookErrorCodes.ScopeNotGranted, "The platform did not grant the tool the gradebook (AGS) scopes; ask the administrator to allow them.");
        }

        switch (error.HttpStatus)
        {
            case 401:
                return Outcome.Fail(GradebookErrorCodes.Refused, $"The platform refused the tool's access to the gradebook ({error.Message}).");
            case 403 when registration.ProductFamily == LtiBadgeBridge.Lti.Platforms.ProductFamily.Canvas && message.Attempts < MaxForbiddenAttempts:
                return Retry(message, GradebookErrorCodes.Refused, $"Canvas answered 403 (throttling or refusal): {error.Message}");
            case 403:
                return Outcome.Fail(GradebookErrorCodes.Refused, $"The platform refused the tool's access to the gradebook ({error.Message}).");
            case 408 or 429 or >= 500:
            case null:
                return Retry(message, error.Code == LtiErrorCodes.TokenRequestFailed ? GradebookErrorCodes.TokenFailed : GradebookErrorCodes.Unreachable, error.Message);
            default:
                return Outcome.Fail(error.Code == LtiErrorCodes.TokenRequestFailed ? GradebookErrorCodes.TokenFailed : GradebookErrorCodes.Rejected, error.Message);
        }
    }

    private static Outcome Retry(OutboxMessage message, string code, string text) =>
        message.Attempts >= MaxAttempts ? Outcome.Fail(code, $"Gave up after {message.Attempts} attempts: {text}") : Outcome.Again(code, text);

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static DateTimeOffset Milliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;

    private static long? ReadAwardId(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Payload>(payload, Json)?.AwardId;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(long? AwardId);

    /// <summary>State null means "try again later".</summary>
    private sealed record Outcome(string? State, string? Code, string? Message, DateTimeOffset? Timestamp)
    {
        public static Outcome Posted(DateTimeOffset timestamp) => new(ScoreStates.Posted, null, null, timestamp);

        public static Outcome Skip(string code, string message) => new(ScoreStates.Skipped, code, message, null);

        public static Outcome Fail(string code, string message) => new(ScoreStates.Failed, code, message, null);

        public static Outcome Again(string code, string message) => new(null, code, message, null);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Gradebook: posted the {Event} score of award {AwardId}")]
    private static partial void LogPosted(ILogger logger, long awardId, string @event);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Gradebook: the {Event} score of award {AwardId} was not posted ({State}, {Code})")]
    private static partial void LogNotPosted(ILogger logger, long awardId, string @event, string state, string code);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Gradebook: the {Event} score of award {AwardId} will be retried ({Code}, attempt {Attempts})")]
    private static partial void LogRetry(ILogger logger, long awardId, string @event, string code, int attempts);
}
