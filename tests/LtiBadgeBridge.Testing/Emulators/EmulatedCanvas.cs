using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>
/// A Canvas LMS over real HTTP (WireMock on 127.0.0.1): one deterministic course
/// (<see cref="Fixture"/>), <c>per_page</c> paging with <c>Link</c> headers, an optional leaky-bucket
/// throttle with <c>X-Rate-Limit-Remaining</c> / <c>X-Request-Cost</c> and 403 "Rate Limit Exceeded",
/// injected 5xx, token expiry (401 with <c>WWW-Authenticate</c>), permission errors (401 without),
/// concluded and deleted courses, and the OAuth2 token endpoint.
/// </summary>
public sealed partial class EmulatedCanvas : IDisposable
{
    public const string RateLimitBody = "403 Forbidden (Rate Limit Exceeded)\n";

    private readonly WireMockServer server;
    private readonly CanvasPayloads payloads;
    private readonly ConcurrentDictionary<string, bool> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> requestsByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Route, int Page), int> requestsByPage = new();
    private readonly List<FaultRule> faults = [];
    private readonly Lock faultSync = new();
    private int totalRequests;
    private int throttledResponses;
    private int requestsWithoutUserAgent;
    private int inFlight;
    private int maxInFlight;

    private EmulatedCanvas(EmulatedCanvasOptions options)
    {
        Options = options;
        Fixture = new CanvasCourseFixture(options.CourseId, options.Learners, options.Assignments);
        Bucket = new LeakyBucket(options.HighWaterMark, options.DrainPerSecond, options.UpFrontCost);
        accessTokens[options.AccessToken] = true;
        server = EmulatorHttp.StartServer();
        BaseUrl = new Uri(server.Urls[0]);
        payloads = new CanvasPayloads(Fixture, () => BaseUrl.GetLeftPart(UriPartial.Authority));
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    public static EmulatedCanvas Start(EmulatedCanvasOptions? options = null) => new(options ?? new EmulatedCanvasOptions());

    public EmulatedCanvasOptions Options { get; }

    public CanvasCourseFixture Fixture { get; }

    /// <summary>The throttle's bucket (used only when <see cref="EmulatedCanvasOptions.Throttle"/> is on).</summary>
    public LeakyBucket Bucket { get; }

    /// <summary>The root of the emulated Canvas, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseUrl { get; }

    public bool IsConcluded { get; private set; }

    public bool IsDeleted { get; private set; }

    /// <summary>When true, every API call answers 401 without <c>WWW-Authenticate</c> ("user not authorized").</summary>
    public bool DenyPermissions { get; set; }

    public int TotalRequests => Volatile.Read(ref totalRequests);

    /// <summary>403 "Rate Limit Exceeded" answers given.</summary>
    public int ThrottledResponses => Volatile.Read(ref throttledResponses);

    public int RequestsWithoutUserAgent => Volatile.Read(ref requestsWithoutUserAgent);

    /// <summary>The most API requests that were in flight at once.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref maxInFlight);

    /// <summary>The last User-Agent seen.</summary>
    public string? LastUserAgent { get; private set; }

    /// <summary>API requests per route: <c>course</c>, <c>assignments</c>, <c>submissions</c>, <c>course_submissions</c>, <c>enrollments</c>, <c>outcome_results</c>.</summary>
    public int RequestsTo(string route) => requestsByRoute.TryGetValue(route, out var count) ? count : 0;

    /// <summary>API requests for one page of a route (1 for the first page), failed attempts included.</summary>
    public int RequestsTo(string route, int page) => requestsByPage.TryGetValue((route, page), out var count) ? count : 0;

    /// <summary>The course concludes: Canvas still serves it, as <c>completed</c>.</summary>
    public void Conclude() => IsConcluded = true;

    /// <summary>The course is deleted: every course route answers 404.</summary>
    public void Delete() => IsDeleted = true;

    /// <summary>The access token expires: calls with it answer 401 with <c>WWW-Authenticate: Bearer realm="canvas-lms"</c>.</summary>
    public void ExpireAccessToken(string accessToken) => accessTokens[accessToken] = false;

    /// <summary>The next <paramref name="times"/> requests to <paramref name="route"/> page <paramref name="page"/> answer <paramref name="status"/>.</summary>
    public void FailPage(string route, int page, int times = 1, int status = 503)
    {
        lock (faultSync)
        {
            faults.Add(new FaultRule(route, page, status) { Remaining = times });
        }
    }

    public void Dispose() => server.Dispose();

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        Interlocked.Increment(ref totalRequests);
        var path = request.Path;
        if (path.StartsWith("/login/oauth2/", StringComparison.Ordinal))
        {
            return OAuth(request);
        }

        if (path.StartsWith("/api/lti/", StringComparison.Ordinal))
        {
            return NamesAndRoles(request);
        }

        if (!path.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            return EmulatorHttp.JsonResponse(404, Errors("The specified resource does not exist."));
        }

        var userAgent = EmulatorHttp.Header(request, "User-Agent");
        LastUserAgent = userAgent;
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            Interlocked.Increment(ref requestsWithoutUserAgent);
            return EmulatorHttp.JsonResponse(400, Errors("A User-Agent header is required."));
        }

        var authorization = EmulatorHttp.Header(request, "Authorization") ?? string.Empty;
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : string.Empty;
        if (!accessTokens.TryGetValue(token, out var valid) || !valid)
        {
            var unauthorized = EmulatorHttp.JsonResponse(401, new { errors = new[] { new { message = "Invalid access token." } } });
            unauthorized.AddHeader("WWW-Authenticate", "Bearer realm=\"canvas-lms\"");
            return unauthorized;
        }

        if (DenyPermissions)
        {
            return EmulatorHttp.JsonResponse(401, new { status = "unauthorized", errors = new[] { new { message = "user not authorized to perform that action" } } });
        }

        double remaining = Options.HighWaterMark;
        if (Options.Throttle && !Bucket.TryStart(out remaining))
        {
            Interlocked.Increment(ref throttledResponses);
            var throttled = EmulatorHttp.Text(403, RateLimitBody, "text/plain; charset=utf-8");
            throttled.AddHeader("X-Rate-Limit-Remaining", "0.0");
            return throttled;
        }

        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref maxInFlight, now);
        try
        {
            if (Options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(Options.Latency);
            }

            var (response, items) = Route(request);
            var cost = Options.BaseCost + (Options.CostPerItem * items);
            remaining = Options.Throttle ? Bucket.Complete(cost) : remaining;
            response.AddHeader("X-Request-Cost", cost.ToString("0.0000", CultureInfo.InvariantCulture));
            response.AddHeader("X-Rate-Limit-Remaining", remaining.ToString("0.000", CultureInfo.InvariantCulture));
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private (WireMock.ResponseMessage Response, int Items) Route(IRequestMessage request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);

        // api/v1/courses/{id}[/...]
        if (segments.Length < 4 || segments[2] != "courses" || !long.TryParse(segments[3], CultureInfo.InvariantCulture, out var courseId))
        {
            return (EmulatorHttp.JsonResponse(404, Errors("The specified resource does not exist.")), 0);
        }

        var route = segments.Length switch
        {
            4 => "course",
            5 when segments[4] == "assignments" => "assignments",
            5 when segments[4] == "enrollments" => "enrollments",
            5 when segments[4] == "outcome_results" => "outcome_results",
            6 when segments[4] == "students" && segments[5] == "submissions" => "course_submissions",
            7 when segments[4] == "assignments" && segments[6] == "submissions" => "submissions",
            _ => "unknown",
        };
        requestsByRoute.AddOrUpdate(route, 1, (_, c) => c + 1);

        if (courseId != Fixture.CourseId || IsDeleted || route == "unknown")
        {
            return (EmulatorHttp.JsonResponse(404, Errors("The specified resource does not exist.")), 0);
        }

        var paging = Paging.Read(request, Options);
        requestsByPage.AddOrUpdate((route, paging.Page), 1, (_, c) => c + 1);
        if (TakeFault(route, paging.Page) is { } status)
        {
            return (EmulatorHttp.JsonResponse(status, Errors("An unexpected error occurred.")), 0);
        }

        var query = request.RawQuery ?? string.Empty;
        var history = query.Contains("submission_history", StringComparison.Ordinal);
        var rubric = query.Contains("rubric_assessment", StringComparison.Ordinal);
        switch (route)
        {
            case "course":
                return (EmulatorHttp.JsonResponse(200, payloads.Course(IsConcluded)), 1);
            case "assignments":
                return PageOf(request, paging, Fixture.AssignmentCount, i => payloads.Assignment(i), opaque: false);
            case "enrollments":
                return PageOf(request, paging, Fixture.LearnerCount, i => payloads.Enrollment(i), opaque: false);
            case "submissions":
                var assignmentIndex = long.TryParse(segments[5], CultureInfo.InvariantCulture, out var assignmentId) ? Fixture.AssignmentIndex(assignmentId) : -1;
                if (assignmentIndex < 0 || assignmentIndex >= Fixture.AssignmentCount)
                {
                    return (EmulatorHttp.JsonResponse(404, Errors("The specified resource does not exist.")), 0);
                }

                return PageOf(request, paging, Fixture.LearnerCount, i => payloads.Submission(i, assignmentIndex, history, rubric), opaque: true);
            case "course_submissions":
                var parameters = EmulatorHttp.Parameters(request);
                if (!parameters.ContainsKey("submitted_since") && !parameters.ContainsKey("graded_since"))
                {
                    // Learner-major order computed from the index, so a page costs the same on any course size.
                    var perLearner = Fixture.AssignmentCount;
                    return PageOf(request, paging, Fixture.LearnerCount * perLearner, k => payloads.Submission(k / perLearner, k % perLearner, history, rubric), opaque: true);
                }

                var selected = SelectCourseSubmissions(parameters);
                return PageOf(request, paging, selected.Count, k => payloads.Submission(selected[k].Learner, selected[k].Assignment, history, rubric), opaque: true);
            default:
                var total = Fixture.LearnerCount * CanvasCourseFixture.OutcomeIds.Length;
                var (first, count) = paging.Slice(total);
                var results = Enumerable.Range(first, count)
                    .Select(k => payloads.OutcomeResult(k / CanvasCourseFixture.OutcomeIds.Length, k % CanvasCourseFixture.OutcomeIds.Length))
                    .ToList();
                var body = new Dictionary<string, object?> { ["outcome_results"] = results, ["linked"] = payloads.Linked() };
                var response = EmulatorHttp.JsonResponse(200, body);
                AddLinks(response, request, paging, total, opaque: false);
                return (response, count);
        }
    }

    private List<(int Learner, int Assignment)> SelectCourseSubmissions(Dictionary<string, string> parameters)
    {
        DateTimeOffset? submittedSince = parameters.TryGetValue("submitted_since", out var s) ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : null;
        DateTimeOffset? gradedSince = parameters.TryGetValue("graded_since", out var g) ? DateTimeOffset.Parse(g, CultureInfo.InvariantCulture) : null;
        var selected = new List<(int, int)>(Fixture.LearnerCount * Fixture.AssignmentCount);
        for (var learner = 0; learner < Fixture.LearnerCount; learner++)
        {
            for (var a = 0; a < Fixture.AssignmentCount; a++)
            {
                var submittedAt = Fixture.SubmittedAt(learner, a);
                if (submittedSince is { } since && (submittedAt is null || submittedAt < since))
                {
                    continue;
                }

                if (gradedSince is { } graded && (Fixture.Score(learner, a) is null || submittedAt!.Value.AddDays(2) < graded))
                {
                    continue;
                }

                selected.Add((learner, a));
            }
        }

        return selected;
    }

    private (WireMock.ResponseMessage, int) PageOf(IRequestMessage request, Paging paging, int total, Func<int, object> item, bool opaque)
    {
        var (first, count) = paging.Slice(total);
        var items = new List<object>(count);
        for (var k = first; k < first + count; k++)
        {
            items.Add(item(k));
        }

        var response = EmulatorHttp.JsonResponse(200, items);
        AddLinks(response, request, paging, total, opaque);
        return (response, count);
    }

    private int? TakeFault(string route, int page)
    {
        lock (faultSync)
        {
            var rule = faults.FirstOrDefault(f => f.Route == route && f.Page == page && f.Remaining > 0);
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            return rule.Status;
        }
    }

    private static object Errors(string message) => new { errors = new[] { new { message } } };

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed record FaultRule(string Route, int Page, int Status)
    {
        public int Remaining { get; set; }
    }
}
