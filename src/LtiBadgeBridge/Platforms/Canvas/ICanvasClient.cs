namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>
/// Reads one Canvas course's gradebook with one user's OAuth2 token. Lists come a page at a time:
/// pass null for the first page and the previous page's <see cref="Page{T}.Next"/> for the following
/// ones (store it to resume after a failure). Failures are values (<see cref="PlatformError"/>).
/// </summary>
public interface ICanvasClient
{
    /// <summary>The Canvas host this client talks to.</summary>
    Uri BaseAddress { get; }

    /// <summary>The course; a deleted course is <see cref="PlatformErrorCodes.CanvasCourseNotFound"/>.</summary>
    Task<PlatformResult<CanvasCourse>> GetCourseAsync(long courseId, CancellationToken cancellationToken);

    /// <summary>The course's assignments with points possible, due dates, grading type and rubric.</summary>
    Task<PlatformResult<Page<CanvasAssignment>>> GetAssignmentsAsync(long courseId, PageCursor? cursor, CancellationToken cancellationToken);

    /// <summary>One assignment's submissions with submission history and rubric assessments.</summary>
    Task<PlatformResult<Page<CanvasSubmission>>> GetSubmissionsAsync(long courseId, long assignmentId, PageCursor? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Every student's submissions in the course, with history and rubric assessments. With a
    /// <paramref name="filter"/>, only those submitted (or graded) since a moment: an incremental sync
    /// reads once with <see cref="CanvasSubmissionChange.Submitted"/> and once with <see cref="CanvasSubmissionChange.Graded"/>.
    /// </summary>
    Task<PlatformResult<Page<CanvasSubmission>>> GetCourseSubmissionsAsync(
        long courseId,
        PageCursor? cursor,
        CanvasSubmissionFilter? filter,
        CancellationToken cancellationToken);

    /// <summary>Active and concluded student enrollments with current and final scores.</summary>
    Task<PlatformResult<Page<CanvasEnrollment>>> GetStudentEnrollmentsAsync(long courseId, PageCursor? cursor, CancellationToken cancellationToken);

    /// <summary>Learning Mastery outcome results with the linked outcomes and alignments.</summary>
    Task<PlatformResult<CanvasOutcomeResultsPage>> GetOutcomeResultsAsync(long courseId, PageCursor? cursor, CancellationToken cancellationToken);
}
