using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Platforms.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LtiBadgeBridge.Platforms.Canvas;

/// <summary>The Canvas REST client of one host and one user token. Build it with <see cref="ICanvasClientFactory"/>.</summary>
internal sealed class CanvasClient : ICanvasClient
{
    private static readonly string[] SubmissionIncludes = ["submission_history", "rubric_assessment"];
    private static readonly string[] OutcomeIncludes = ["outcomes", "alignments"];
    private static readonly string[] StudentTypes = ["StudentEnrollment"];
    private static readonly string[] StudentStates = ["active", "completed", "inactive"];
    private static readonly string[] AllStudents = ["all"];
    private static readonly string[] Concluded = ["concluded"];

    private readonly HttpClient http;
    private readonly ICanvasApi api;
    private readonly CanvasOptions options;
    private readonly TimeProvider timeProvider;

    public CanvasClient(HttpClient http, ICanvasApi api, CanvasOptions options, TimeProvider timeProvider)
    {
        this.http = http;
        this.api = api;
        this.options = options;
        this.timeProvider = timeProvider;
    }

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<PlatformResult<CanvasCourse>> GetCourseAsync(long courseId, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(() => api.GetCourse(courseId, Concluded, cancellationToken), cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        using var response = sent.Value;
        if (!response.IsSuccessStatusCode)
        {
            return await CanvasErrors.ClassifyAsync(response, PlatformErrorCodes.CanvasCourseNotFound, timeProvider, cancellationToken);
        }

        return await ReadJsonAsync<CanvasCourse>(response, cancellationToken);
    }

    public Task<PlatformResult<Page<CanvasAssignment>>> GetAssignmentsAsync(long courseId, PageCursor? cursor, CancellationToken cancellationToken) =>
        GetPageAsync<CanvasAssignment>(
            cursor,
            () => api.ListAssignments(courseId, options.PerPage, cancellationToken),
            PlatformErrorCodes.CanvasCourseNotFound,
            cancellationToken);

    public Task<PlatformResult<Page<CanvasSubmission>>> GetSubmissionsAsync(long courseId, long assignmentId, PageCursor? cursor, CancellationToken cancellationToken) =>
        GetPageAsync<CanvasSubmission>(
            cursor,
            () => api.ListSubmissions(courseId, assignmentId, options.PerPage, SubmissionIncludes, cancellationToken),
            PlatformErrorCodes.CanvasNotFound,
            cancellationToken);

    public Task<PlatformResult<Page<CanvasSubmission>>> GetCourseSubmissionsAsync(
        long courseId,
        PageCursor? cursor,
        CanvasSubmissionFilter? filter,
        CancellationToken cancellationToken)
    {
        var since = filter?.Since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return GetPageAsync<CanvasSubmission>(
            cursor,
            () => api.ListCourseSubmissions(
                courseId,
                AllStudents,
                options.PerPage,
                SubmissionIncludes,
                filter?.Change == CanvasSubmissionChange.Submitted ? since : null,
                filter?.Change == CanvasSubmissionChange.Graded ? since : null,
                cancellationToken),
            PlatformErrorCodes.CanvasCourseNotFound,
            cancellationToken);
    }

    public Task<PlatformResult<Page<CanvasEnrollment>>> GetStudentEnrollmentsAsync(long courseId, PageCursor? cursor, CancellationToken cancellationToken) =>
        GetPageAsync<CanvasEnrollment>(
            cursor,
            () => api.ListEnrollments(courseId, StudentTypes, StudentStates, options.PerPage, cancellationToken),
            PlatformErrorCodes.CanvasCourseNotFound,
            cancellationToken);

    public async Task<PlatformResult<CanvasOutcomeResultsPage>> GetOutcomeResultsAsync(long courseId, PageCursor? cursor, CancellationToken cancellationToken)
    {
        var page = await GetPageAsync<CanvasOutcomeResultsBody>(
            cursor,
            () => api.ListOutcomeResults(courseId, options.PerPage, OutcomeIncludes, cancellationToken),
            PlatformErrorCodes.CanvasCourseNotFound,
            cancellationToken,
            singleObject: true);
        return page.Map(p => new CanvasOutcomeResultsPage
        {
            Results = p.Items[0].OutcomeResults ?? [],
            Outcomes = p.Items[0].Linked?.Outcomes ?? [],
            Alignments = p.Items[0].Linked?.Alignments ?? [],
            Next = p.Next,
            PageNumber = p.PageNumber,
        });
    }

    private async Task<PlatformResult<Page<T>>> GetPageAsync<T>(
        PageCursor? cursor,
        Func<Task<HttpResponseMessage>> firstPage,
        string notFoundCode,
        CancellationToken cancellationToken,
        bool singleObject = false)
    {
        if (cursor is not null && PagingGuard.Check(BaseAddress, cursor, options.MaxPages) is { } refused)
        {
            return refused;
        }

        var sent = await SendAsync(cursor is null ? firstPage : () => http.GetAsync(cursor.Url, cancellationToken), cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        using var response = sent.Value;
        if (!response.IsSuccessStatusCode)
        {
            return await CanvasErrors.ClassifyAsync(response, notFoundCode, timeProvider, cancellationToken);
        }

        IReadOnlyList<T> items;
        if (singleObject)
        {
            var single = await ReadJsonAsync<T>(response, cancellationToken);
            if (!single.IsSuccess)
            {
                return single.Error;
            }

            items = [single.Value];
        }
        else
        {
            var list = await ReadJsonAsync<List<T>>(response, cancellationToken);
            if (!list.IsSuccess)
            {
                return list.Error;
            }

            items = list.Value;
        }

        var pageNumber = cursor?.PageNumber ?? 1;
        var next = LinkHeader.Find(response, "next");
        return new Page<T>
        {
            Items = items,
            PageNumber = pageNumber,
            Next = next is null ? null : new PageCursor { Url = next, PageNumber = pageNumber + 1 },
        };
    }

    private static async Task<PlatformResult<HttpResponseMessage>> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return CanvasErrors.Transport(ex);
        }
    }

    private static async Task<PlatformResult<T>> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var value = await JsonSerializer.DeserializeAsync<T>(stream, CanvasJson.Options, cancellationToken);
            return value is null ? CanvasErrors.InvalidJson(new JsonException("The body was JSON null.")) : value;
        }
        catch (JsonException ex)
        {
            return CanvasErrors.InvalidJson(ex);
        }
    }
}
