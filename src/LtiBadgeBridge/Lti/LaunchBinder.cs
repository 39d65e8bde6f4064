using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;

namespace LtiBadgeBridge.Lti;

/// <summary>After a valid launch: binds the course, records the person and their enrollment, and asks for a
/// course sync through the outbox (kind <c>sync-course</c>, debounced to one per course per 5 minutes). The first
/// launch under a dynamic registration the platform held as pending confirms that the platform activated it.</summary>
public sealed class LaunchBinder(
    CourseStore courses, PlatformStore platforms, AuditLog audit, OutboxStore outbox, OutboxPublisher publisher, PersonAdoption adoption, TimeProvider timeProvider)
{
    public const string SyncCourseKind = "sync-course";

    /// <summary>Audit action: a pending dynamic registration became active with the platform's first launch.</summary>
    public const string ActivatedAction = "platform.activated";

    public async Task<LaunchBinding> BindAsync(LtiLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var platformId = RegistrationMapping.ParseId(launch.Registration.Id)
            ?? throw new ArgumentException("The launch's registration is not a stored one.", nameof(launch));
        var message = launch.Message;
        var family = launch.Registration.ProductFamily;
        if (launch.Registration.AwaitsActivation && await platforms.ConfirmActivationAsync(platformId, cancellationToken))
        {
            await audit.RecordAsync(platformId, "platform", ActivatedAction, launch.Registration.Id, "first launch after dynamic registration", cancellationToken);
        }

        var lmsUserId = LmsUserId(message, family);
        var personId = await courses.UpsertLaunchPersonAsync(
            platformId,
            new Person { LtiUserId = launch.Subject, LmsUserId = lmsUserId, Name = Truncate(message.Name), Email = Truncate(message.Email) },
            cancellationToken);
        if (lmsUserId is not null)
        {
            // A sync may have met this person before by LMS user id alone: merge that placeholder in. While a sync
            // of the platform runs (it holds the placeholder's id) the merge is left for that sync's end: never waited for here.
            await adoption.AdoptAsync(platformId, personId, lmsUserId, cancellationToken);
        }

        if (message.Context is not { } context)
        {
            return new LaunchBinding(platformId, null, personId);
        }

        var course = await courses.UpsertFromLaunchAsync(
            new Course
            {
                PlatformId = platformId,
                DeploymentId = launch.DeploymentId,
                ContextId = context.Id,
                LmsCourseId = LmsCourseId(message, family),
                Title = Truncate(context.Title) ?? "",
                Label = Truncate(context.Label),
                AgsLineitemsUrl = message.AgsEndpoint?.LineItems?.AbsoluteUri,
                NrpsMembershipsUrl = message.NamesRoleService?.ContextMembershipsUrl.AbsoluteUri,
            },
            cancellationToken);
        await courses.UpsertLaunchEnrollmentAsync(platformId, course.Id, personId, string.Join(' ', message.Roles ?? []), cancellationToken);

        var now = timeProvider.GetUtcNow();
        var bucket = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute - (now.Minute % 5), 0, TimeSpan.Zero);
        var dedupeKey = string.Create(CultureInfo.InvariantCulture, $"{SyncCourseKind}:{course.Id}:{bucket:yyyyMMddHHmm}");
        var payload = JsonSerializer.Serialize(new SyncCoursePayload(course.Id, "launch"), PayloadJson);
        if (await outbox.EnqueueAsync(platformId, SyncCourseKind, dedupeKey, payload, cancellationToken))
        {
            publisher.Nudge(SyncCourseKind); // Only a new request wakes a worker; repeats within the debounce are free.
        }

        return new LaunchBinding(platformId, course.Id, personId);
    }

    /// <summary>The LMS's own course id: Canvas custom <c>canvas_course_id</c> (or <c>course_id</c>); Moodle's
    /// context id is the course id.</summary>
    public static string? LmsCourseId(LtiMessage message, ProductFamily family)
    {
        ArgumentNullException.ThrowIfNull(message);
        return family switch
        {
            ProductFamily.Moodle => message.Context?.Id,
            _ => Custom(message, "canvas_course_id") ?? Custom(message, "course_id"),
        };
    }

    /// <summary>The LMS's own user id: Canvas custom <c>canvas_user_id</c> (or <c>user_id</c>); Moodle's <c>sub</c>.</summary>
    public static string? LmsUserId(LtiMessage message, ProductFamily family)
    {
        ArgumentNullException.ThrowIfNull(message);
        return family switch
        {
            ProductFamily.Moodle => message.Subject,
            _ => Custom(message, "canvas_user_id") ?? Custom(message, "user_id"),
        };
    }

    private static string? Custom(LtiMessage message, string name) =>
        message.Custom.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) && !value.StartsWith('$') ? Truncate(value) : null;

    private static string? Truncate(string? value) => value is { Length: > 500 } ? value[..500] : value;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private sealed record SyncCoursePayload(long CourseId, string Reason);
}

/// <summary>What a launch bound: the registration, the course (null for a launch without context) and the person.</summary>
public sealed record LaunchBinding(long PlatformId, long? CourseId, long PersonId);
