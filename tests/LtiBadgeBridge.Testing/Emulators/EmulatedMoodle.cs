using System.Collections.Concurrent;
using System.Globalization;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>
/// A Moodle site over real HTTP (WireMock on 127.0.0.1, under <see cref="EmulatedMoodleOptions.SubPath"/>):
/// <c>/webservice/rest/server.php</c> dispatching on <c>wsfunction</c> (from the query or the form body),
/// errors as HTTP 200 bodies, grades as strings, arrays as <c>name[0]=</c>, and
/// <c>/webservice/pluginfile.php</c> downloads with <c>?token=</c>.
/// </summary>
public sealed partial class EmulatedMoodle : IDisposable
{
    /// <summary>Functions the emulated service offers beyond the required ones.</summary>
    public static readonly string[] ExtraFunctions = ["core_course_get_courses", "core_user_get_users_by_field"];

    private readonly WireMockServer server;
    private readonly ConcurrentDictionary<string, bool> functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> deniedFunctions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private int totalRequests;
    private int tokensInQuery;
    private bool tokenRevoked;

    private EmulatedMoodle(EmulatedMoodleOptions options)
    {
        Options = options;
        Fixture = new MoodleCourseFixture(options.CourseId, options.Learners, options.Assignments);
        foreach (var function in Handlers.Keys.Concat(ExtraFunctions))
        {
            functions[function] = true;
        }

        server = EmulatorHttp.StartServer();
        SiteUrl = new Uri(new Uri(server.Urls[0]), options.SubPath);
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(Handle));
    }

    public static EmulatedMoodle Start(EmulatedMoodleOptions? options = null) => new(options ?? new EmulatedMoodleOptions());

    public EmulatedMoodleOptions Options { get; }

    public MoodleCourseFixture Fixture { get; }

    /// <summary>The site's wwwroot, ending with a slash (e.g. <c>http://127.0.0.1:5123/moodle/</c>).</summary>
    public Uri SiteUrl { get; }

    public int TotalRequests => Volatile.Read(ref totalRequests);

    /// <summary>Web service calls that carried <c>wstoken</c> in the URL (where proxies log it).</summary>
    public int TokensInQuery => Volatile.Read(ref tokensInQuery);

    public string? LastUserAgent { get; private set; }

    /// <summary>How often a web service function was called.</summary>
    public int Calls(string function) => calls.TryGetValue(function, out var count) ? count : 0;

    /// <summary>The admin removes a function from the external service.</summary>
    public void RemoveFunction(string function) => functions.TryRemove(function, out _);

    /// <summary>The admin adds a function (back) to the external service.</summary>
    public void AddFunction(string function) => functions[function] = true;

    /// <summary>The service user loses the capability a function checks: it answers <c>nopermissions</c>.</summary>
    public void DenyCapability(string function) => deniedFunctions[function] = true;

    /// <summary>The admin deletes the token.</summary>
    public void RevokeToken() => tokenRevoked = true;

    public void Dispose() => server.Dispose();

    private IResponseMessage Handle(IRequestMessage request)
    {
        Interlocked.Increment(ref totalRequests);
        LastUserAgent = EmulatorHttp.Header(request, "User-Agent");
        var path = request.Path;
        var parameters = EmulatorHttp.Parameters(request);
        if (path == Options.SubPath + "webservice/rest/server.php")
        {
            if (EmulatorHttp.RawQuery(request).Any(p => p.Key == "wstoken"))
            {
                Interlocked.Increment(ref tokensInQuery);
            }

            return WebService(parameters);
        }

        if (path.StartsWith(Options.SubPath + "webservice/pluginfile.php/", StringComparison.Ordinal))
        {
            return File(path, parameters);
        }

        return EmulatorHttp.Text(404, "<html><body>Not found</body></html>", "text/html");
    }

    private WireMock.ResponseMessage WebService(Dictionary<string, string> parameters)
    {
        if (parameters.GetValueOrDefault("moodlewsrestformat") != "json")
        {
            return EmulatorHttp.Text(200, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<RESPONSE></RESPONSE>", "application/xml");
        }

        if (tokenRevoked || parameters.GetValueOrDefault("wstoken") != Options.Token)
        {
            return Error("moodle_exception", "invalidtoken", "Invalid token - token not found", null);
        }

        var function = parameters.GetValueOrDefault("wsfunction") ?? string.Empty;
        calls.AddOrUpdate(function, 1, (_, c) => c + 1);
        if (!Handlers.TryGetValue(function, out var handler) && !ExtraFunctions.Contains(function))
        {
            return Error("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table external_functions.", null);
        }

        if (!functions.ContainsKey(function))
        {
            return Error("webservice_access_exception", "accessexception", "Access control exception",
                $"Access to the function {function}() is not allowed. There could be multiple reasons for this: 1. The service linked to the user token does not contain the function.");
        }

        if (deniedFunctions.ContainsKey(function))
        {
            return Error("required_capability_exception", "nopermissions",
                "Sorry, but you do not currently have permissions to do that (View all grades).", null);
        }

        try
        {
            return handler is null ? EmulatorHttp.JsonResponse(200, Array.Empty<object>()) : EmulatorHttp.JsonResponse(200, handler(this, parameters));
        }
        catch (InvalidParameterException ex)
        {
            return Error("invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected", ex.Message);
        }
    }

    private WireMock.ResponseMessage File(string path, Dictionary<string, string> parameters)
    {
        if (tokenRevoked || parameters.GetValueOrDefault("token") != Options.Token)
        {
            return EmulatorHttp.JsonResponse(200, new Dictionary<string, object?>
            {
                ["error"] = "Invalid token - token not found",
                ["errorcode"] = "invalidtoken",
                ["stacktrace"] = null,
                ["debuginfo"] = null,
                ["reproductionlink"] = null,
            });
        }

        // .../pluginfile.php/{contextid}/assignsubmission_file/submission_files/{submissionid}/{filename}
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && long.TryParse(segments[^2], CultureInfo.InvariantCulture, out var submissionId))
        {
            var assignment = (int)((submissionId - 60_000) / 1000);
            var learner = (int)((submissionId - 60_000) % 1000);
            if (assignment >= 0 && assignment < Fixture.AssignmentCount && learner >= 0 && learner < Fixture.LearnerCount &&
                Fixture.HasSubmitted(learner) && segments[^1] == Fixture.FileName(learner, assignment))
            {
                return EmulatorHttp.Bytes(200, Fixture.FileContent(learner, assignment), "application/pdf");
            }
        }

        return EmulatorHttp.JsonResponse(200, new Dictionary<string, object?>
        {
            ["error"] = "Sorry, the requested file could not be found",
            ["errorcode"] = "filenotfound",
        });
    }

    private WireMock.ResponseMessage Error(string exception, string errorCode, string message, string? debugInfo)
    {
        var body = new Dictionary<string, object?> { ["exception"] = exception, ["errorcode"] = errorCode, ["message"] = message };
        if (Options.DebugInfo && debugInfo is not null)
        {
            body["debuginfo"] = debugInfo;
        }

        return EmulatorHttp.JsonResponse(200, body);
    }

    private sealed class InvalidParameterException(string message) : Exception(message);
}
