using System.Globalization;
using System.Text;
using LtiBadgeBridge.Platforms.Moodle;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>
/// Moodle's REST web service (<c>webservice/rest/server.php</c>): <c>wstoken</c>, <c>wsfunction</c> and
/// <c>moodlewsrestformat</c> from the query or the form body, arrays as <c>name[0]=</c>, errors as HTTP 200 bodies
/// (<c>exception</c>, <c>errorcode</c>, <c>message</c>), grades as strings. The token's external service offers the
/// functions the tool requires (<see cref="MoodleWebServiceRequirements.RequiredFunctions"/>); files download from
/// <c>webservice/pluginfile.php</c> with <c>?token=</c>. Answers come from <see cref="DemoMoodleFunctions"/>.
/// </summary>
internal static class DemoMoodleWebService
{
    public static void Map(WebApplication app, DemoMoodle moodle)
    {
        app.MapMethods(DemoMoodle.PathPrefix + "/webservice/rest/server.php", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(http => ServeAsync(http, moodle)));
        app.MapGet(DemoMoodle.PathPrefix + "/webservice/pluginfile.php/{**path}", (HttpContext http, string path) => File(http, moodle, path));
    }

    private static async Task<IResult> ServeAsync(HttpContext http, DemoMoodle moodle)
    {
        var parameters = http.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (http.Request.HasFormContentType)
        {
            foreach (var (key, value) in await http.Request.ReadFormAsync(http.RequestAborted))
            {
                parameters[key] = value.ToString();
            }
        }

        if (parameters.GetValueOrDefault("moodlewsrestformat") != "json")
        {
            return Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<EXCEPTION class=\"moodle_exception\"><ERRORCODE>invalidtoken</ERRORCODE><MESSAGE>Invalid token - token not found</MESSAGE></EXCEPTION>", "application/xml");
        }

        if (parameters.GetValueOrDefault("wstoken") != moodle.WebServiceToken)
        {
            return Error("moodle_exception", "invalidtoken", "Invalid token - token not found");
        }

        var function = parameters.GetValueOrDefault("wsfunction") ?? "";
        if (!MoodleWebServiceRequirements.RequiredFunctions.Contains(function, StringComparer.Ordinal))
        {
            return Error("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table external_functions.");
        }

        try
        {
            return Results.Json(new DemoMoodleFunctions(moodle, parameters).Call(function));
        }
        catch (DemoMoodleFunctions.InvalidParameterException ex)
        {
            return Error("invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected", ex.Message);
        }
    }

    private static IResult File(HttpContext http, DemoMoodle moodle, string path)
    {
        if (http.Request.Query["token"].ToString() != moodle.WebServiceToken)
        {
            return Results.Json(new Dictionary<string, object?> { ["error"] = "Invalid token - token not found", ["errorcode"] = "invalidtoken", ["stacktrace"] = null, ["debuginfo"] = null, ["reproductionlink"] = null });
        }

        // {contextid}/assignsubmission_file/submission_files/{submissionid}/{filename}
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 5 && segments[1] == "assignsubmission_file" && long.TryParse(segments[3], NumberStyles.None, CultureInfo.InvariantCulture, out var submissionId)
            && moodle.Course.Submissions.FirstOrDefault(s => s.Id == submissionId) is { AttachmentName: { } name } submission && name == segments[4])
        {
            var text = $"Demo file \"{name}\" submitted by Moodle user {submission.UserId.ToString(CultureInfo.InvariantCulture)} for assignment {submission.AssignmentId.ToString(CultureInfo.InvariantCulture)}.\n";
            return Results.Bytes(Encoding.UTF8.GetBytes(text), "text/plain");
        }

        return Results.Json(new Dictionary<string, object?> { ["error"] = "Sorry, the requested file could not be found", ["errorcode"] = "filenotfound" });
    }

    private static IResult Error(string exception, string errorCode, string message, string? debugInfo = null)
    {
        var body = new Dictionary<string, object?> { ["exception"] = exception, ["errorcode"] = errorCode, ["message"] = message };
        if (debugInfo is not null)
        {
            body["debuginfo"] = debugInfo;
        }

        return Results.Json(body);
    }
}
