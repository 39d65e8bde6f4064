using System.Net;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Web.Demo;
using LtiBadgeBridge.Web.Demo.Moodle;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The demo Moodle before any tool is registered: its pages say so, and its web service answers errors as
/// Moodle does (HTTP 200 bodies with an error code), never a server error.</summary>
public sealed class DemoMoodlePagesAndErrorsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_BeforeRegistration_PointTheAdminToManageTools_AndRefuseLaunches()
    {
        await using var lms = await DemoLms.StartOnFreePortAsync(new Uri("http://127.0.0.1:1"), TimeProvider.System, _ => Task.FromResult("{\"keys\":[]}"), Ct);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var home = await http.GetStringAsync(lms.Options.Origin, Ct);
        var course = await http.GetStringAsync(lms.Moodle.CourseUrl, Ct);
        using var launch = await http.GetAsync(lms.Moodle.At($"/mod/lti/launch.php?id={DemoMoodle.ToolCmid}&as={lms.Course.Instructor.UserId}"), Ct);
        using var unknownCourse = await http.GetAsync(lms.Moodle.At("/course/view.php?id=<script>"), Ct);

        Assert.Contains("href=\"/moodle/mod/lti/toolconfigure.php\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/moodle/course/view.php?id=2\"", home, StringComparison.Ordinal);
        Assert.Contains("No external tool is set up on this site yet", course, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, launch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCourse.StatusCode);
        Assert.DoesNotContain("<script>", await unknownCourse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebService_AnswersErrorsInTheBody_AsMoodleDoes()
    {
        await using var lms = await DemoLms.StartOnFreePortAsync(new Uri("http://127.0.0.1:1"), TimeProvider.System, _ => Task.FromResult("{\"keys\":[]}"), Ct);
        using var http = new HttpClient();
        var server = lms.Moodle.At("/webservice/rest/server.php");

        async Task<JsonNode> CallAsync(string function, string token, params KeyValuePair<string, string>[] parameters)
        {
            using var response = await http.PostAsync(new Uri(server + "?moodlewsrestformat=json&wsfunction=" + function),
                new FormUrlEncodedContent(parameters.Prepend(new("wstoken", token))), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        }

        var badToken = await CallAsync("core_webservice_get_site_info", "nope");
        var unknown = await CallAsync("core_user_delete_users", lms.Moodle.WebServiceToken);
        var badParameter = await CallAsync("mod_assign_get_grades", lms.Moodle.WebServiceToken, new KeyValuePair<string, string>("assignmentids[0]", "x"));
        var grades = await CallAsync("mod_assign_get_grades", lms.Moodle.WebServiceToken, new KeyValuePair<string, string>("assignmentids[0]", "20010"), new KeyValuePair<string, string>("since", "0"));

        Assert.Equal("invalidtoken", badToken["errorcode"]!.GetValue<string>());
        Assert.Equal("invalidrecord", unknown["errorcode"]!.GetValue<string>());
        Assert.Equal("invalidparameter", badParameter["errorcode"]!.GetValue<string>());
        var first = grades["assignments"]![0]!["grades"]![0]!;
        Assert.Matches(@"^\d+\.\d{5}$", first["grade"]!.GetValue<string>());
    }
}
