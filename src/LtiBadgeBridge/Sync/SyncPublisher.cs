using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Outbox;

namespace LtiBadgeBridge.Sync;

/// <summary>The outbox messages of course sync: <c>sync-course</c> (debounced to 5 minutes) and <c>evaluate-course</c>.</summary>
public sealed class SyncPublisher(OutboxPublisher outbox, TimeProvider timeProvider)
{
    public const string SyncCourseKind = "sync-course";
    public const string EvaluateCourseKind = "evaluate-course";

    /// <summary>Publishes <c>sync-course</c> for the course; a second request in the same 5 minutes is a no-op. Returns true when added.</summary>
    public Task<bool> PublishSyncAsync(long platformId, long courseId, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var bucket = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute - (now.Minute % 5), 0, DateTimeKind.Utc);
        var key = string.Create(CultureInfo.InvariantCulture, $"sync-course:{courseId}:{bucket:yyyyMMddHHmm}");
        var payload = JsonSerializer.Serialize(new SyncCoursePayload { CourseId = courseId, Reason = reason }, SnapshotJson.Options);
        return outbox.PublishAndNudgeAsync(platformId, SyncCourseKind, key, payload, cancellationToken);
    }

    /// <summary>Publishes <c>sync-course</c> outside the 5-minute debounce, for a change that makes the debounced request
    /// moot: once a course is connected, a sync that paused earlier in the same window for want of the connection must not
    /// hold the first real sync back. Returns true when added.</summary>
    public Task<bool> PublishSyncNowAsync(long platformId, long courseId, string reason, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"sync-course:{courseId}:{reason}:{timeProvider.GetUtcNow().UtcTicks}");
        var payload = JsonSerializer.Serialize(new SyncCoursePayload { CourseId = courseId, Reason = reason }, SnapshotJson.Options);
        return outbox.PublishAndNudgeAsync(platformId, SyncCourseKind, key, payload, cancellationToken);
    }

    /// <summary>Publishes <c>evaluate-course</c> after a sync finished at <paramref name="finishedAt"/>.</summary>
    public Task<bool> PublishEvaluateAsync(long platformId, long courseId, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"evaluate-course:{courseId}:{finishedAt.UtcTicks}");
        var payload = JsonSerializer.Serialize(new EvaluateCoursePayload { CourseId = courseId }, SnapshotJson.Options);
        return outbox.PublishAndNudgeAsync(platformId, EvaluateCourseKind, key, payload, cancellationToken);
    }
}

/// <summary>Payload of <c>sync-course</c>.</summary>
public sealed record SyncCoursePayload
{
    public required long CourseId { get; init; }

    /// <summary><c>launch</c>, <c>schedule</c> or <c>on-demand</c>.</summary>
    public string? Reason { get; init; }
}

/// <summary>Payload of <c>evaluate-course</c>.</summary>
public sealed record EvaluateCoursePayload
{
    public required long CourseId { get; init; }
}
