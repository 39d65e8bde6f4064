using System.Globalization;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Gradebook;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Snapshots;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Web.Lti;
using LtiBadgeBridge.Web.Sync;

namespace LtiBadgeBridge.Web.Pages.Lti;

/// <summary>The instructor's course home: the connection to the LMS, the sync with its progress and last error,
/// what was synced, the gradebook delivery of badges, and the way to the achievements.</summary>
public sealed class InstructorModel(
    CourseStore courses,
    PlatformStore platforms,
    PlatformCredentialsStore credentials,
    SyncRunStore runs,
    SnapshotStore snapshots,
    AchievementStore achievements,
    GradebookStore gradebook,
    MoodleTokenProbe moodleProbe,
    TimeProvider timeProvider) : LtiPageModel
{
    public Course? Course { get; private set; }

    /// <summary><c>canvas</c>, <c>moodle</c> or <c>other</c>: the platform's family.</summary>
    public string Family { get; private set; } = ProductFamilies.Other;

    /// <summary>The LMS access an administrator configured (<c>canvas</c> developer key, <c>moodle</c> token), or null.</summary>
    public string? LmsKind { get; private set; }

    public bool CanvasConnected { get; private set; }

    public MoodleProbeReport? Probe { get; private set; }

    /// <summary>True when the token check could not reach Moodle at all.</summary>
    public bool ProbeUnreachable { get; private set; }

    internal SyncStatusView? Sync { get; private set; }

    public int Learners { get; private set; }

    public int Items { get; private set; }

    public int ActiveAchievements { get; private set; }

    public GradebookSummary Gradebook { get; private set; } = new();

    public string? Notice { get; private set; }

    protected override bool Allows(LtiSession session) => session.IsInstructor;

    public string WithSession(string path) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "s=" + Uri.EscapeDataString(SessionToken);

    public string StatusUrl => WithSession($"/sync/courses/{Course?.Id.ToString(CultureInfo.InvariantCulture)}/status");

    public static string When(DateTimeOffset? value) =>
        value is { } at ? at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";

    public async Task OnGetAsync(string? notice, bool probe, CancellationToken cancellationToken)
    {
        Notice = NoticeText(notice);
        if (LtiSession.CourseId is not { } courseId || await courses.GetAsync(courseId, cancellationToken) is not { } course)
        {
            return;
        }

        Course = course;
        var registration = await platforms.GetAsync(course.PlatformId, cancellationToken);
        Family = registration?.ProductFamily ?? ProductFamilies.Other;
        var lms = await credentials.GetAsync(course.PlatformId, cancellationToken);
        LmsKind = lms?.Kind;
        CanvasConnected = await credentials.GetCourseTokenAsync(course.Id, cancellationToken) is not null;
        if (probe && lms is { Kind: PlatformCredentialsStore.MoodleKind })
        {
            long? sample = long.TryParse(course.LmsCourseId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
            try
            {
                Probe = await moodleProbe.ProbeAsync(lms.BaseUrl, lms.Secret, sample, cancellationToken);
            }
            catch (HttpRequestException)
            {
                ProbeUnreachable = true;
            }
        }

        var status = await runs.GetAsync(course.Id, cancellationToken) ?? new SyncStatus { CourseId = course.Id, PlatformId = course.PlatformId };
        Sync = SyncStatusView.From(status, course.LmsState, LmsKind == PlatformCredentialsStore.MoodleKind ? null : CanvasConnected, timeProvider.GetUtcNow());
        var members = await courses.ListMembersAsync(course.Id, cancellationToken);
        Learners = members.Count(m => m.Enrollment.Roles.Contains("Learner", StringComparison.Ordinal) || m.Enrollment.Roles.Contains("Student", StringComparison.Ordinal));
        Items = (await snapshots.ListItemsAsync(course.Id, cancellationToken)).Count;
        ActiveAchievements = (await achievements.ListActiveAsync(course.PlatformId, course.Id, cancellationToken)).Count;
        Gradebook = await gradebook.SummaryAsync(course.Id, cancellationToken);
    }

    private static string? NoticeText(string? notice) => notice switch
    {
        "sync-queued" => "A sync was requested; it starts in a moment.",
        "sync-already-queued" => "A sync was already requested a moment ago; it runs shortly.",
        "disconnected" => "The course is no longer connected to Canvas.",
        "disconnect-failed" => "Canvas did not confirm the disconnection; try again.",
        _ => null,
    };
}
