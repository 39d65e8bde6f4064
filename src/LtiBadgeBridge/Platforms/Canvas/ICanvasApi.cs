using Refit;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>
/// The Canvas REST routes this tool reads (first pages; later pages follow the opaque <c>Link</c> URLs).
/// Responses come back raw so that paging, throttling and error classification see headers and status.
/// </summary>
public interface ICanvasApi
{
    [Get("/api/v1/courses/{courseId}")]
    Task<HttpResponseMessage> GetCourse(
        long courseId,
        [Query(CollectionFormat.Multi)][AliasAs("include[]")] IEnumerable<string> include,
        CancellationToken cancellationToken);

    [Get("/api/v1/courses/{courseId}/assignments")]
    Task<HttpResponseMessage> ListAssignments(
        long courseId,
        [AliasAs("per_page")] int perPage,
        CancellationToken cancellationToken);

    [Get("/api/v1/courses/{courseId}/assignments/{assignmentId}/submissions")]
    Task<HttpResponseMessage> ListSubmissions(
        long courseId,
        long assignmentId,
        [AliasAs("per_page")] int perPage,
        [Query(CollectionFormat.Multi)][AliasAs("include[]")] IEnumerable<string> include,
        CancellationToken cancellationToken);

    [Get("/api/v1/courses/{courseId}/students/submissions")]
    Task<HttpResponseMessage> ListCourseSubmissions(
        long courseId,
        [Query(CollectionFormat.Multi)][AliasAs("student_ids[]")] IEnumerable<string> studentIds,
        [AliasAs("per_page")] int perPage,
        [Query(CollectionFormat.Multi)][AliasAs("include[]")] IEnumerable<string> include,
        [AliasAs("submitted_since")] string? submittedSince,
        [AliasAs("graded_since")] string? gradedSince,
        CancellationToken cancellationToken);

    [Get("/api/v1/courses/{courseId}/enrollments")]
    Task<HttpResponseMessage> ListEnrollments(
        long courseId,
        [Query(CollectionFormat.Multi)][AliasAs("type[]")] IEnumerable<string> type,
        [Query(CollectionFormat.Multi)][AliasAs("state[]")] IEnumerable<string> state,
        [AliasAs("per_page")] int perPage,
        CancellationToken cancellationToken);

    [Get("/api/v1/courses/{courseId}/outcome_results")]
    Task<HttpResponseMessage> ListOutcomeResults(
        long courseId,
        [AliasAs("per_page")] int perPage,
        [Query(CollectionFormat.Multi)][AliasAs("include[]")] IEnumerable<string> include,
        CancellationToken cancellationToken);
}
