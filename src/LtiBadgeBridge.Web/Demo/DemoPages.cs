using System.Globalization;
using System.Net;
using System.Text;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>The demo LMS's own pages: the course home with launch buttons, a Canvas-like course frame
/// that launches the tool in an iframe, and a gradebook of the scores the tool posted back.</summary>
internal static class DemoPages
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
        header{background:#394b58;color:#fff;padding:.75rem 1.5rem}header a{color:#fff}
        main{padding:1rem 1.5rem;max-width:70rem}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
        .card{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:1rem;margin:.75rem 0}
        button,.button{background:#0b6bcb;color:#fff;border:0;border-radius:4px;padding:.45rem .8rem;font-size:.95rem;cursor:pointer;text-decoration:none;display:inline-block;margin:.15rem 0}
        button:focus,.button:focus,select:focus{outline:3px solid #f0b429;outline-offset:2px}
        .muted{color:#52606d;font-size:.9rem}table{border-collapse:collapse;background:#fff;width:100%}
        th,td{border:1px solid #d9e2ec;padding:.35rem .5rem;text-align:left;font-size:.9rem}th{background:#eef2f7}
        .frame{display:flex;min-height:calc(100vh - 3rem)}nav{width:12rem;background:#fff;border-right:1px solid #d9e2ec;padding:1rem}
        nav a{display:block;padding:.3rem 0;color:#0b6bcb}iframe{flex:1;border:0;min-height:calc(100vh - 3rem);background:#fff}
        label{font-weight:600;margin-right:.5rem}select{padding:.35rem;font-size:.95rem}
        """;

    /// <summary>LTI Client Side postMessage storage answered by the course frame, for tools that cannot
    /// rely on cookies inside the iframe (<c>lti.capabilities</c>, <c>lti.put_data</c>, <c>lti.get_data</c>).</summary>
    internal const string PlatformStorageScript = """
        <script>
        (function(){var store={};window.addEventListener('message',function(e){var m=e.data;if(!m||typeof m!=='object'||typeof m.subject!=='string')return;
        var frame=document.querySelector('iframe[name=tool_content]');if(!frame||e.source!==frame.contentWindow)return;
        var o=store[e.origin]||(store[e.origin]={});var r={message_id:m.message_id};
        if(m.subject==='lti.capabilities'){r.subject='lti.capabilities.response';r.supported_messages=[{subject:'lti.capabilities'},{subject:'lti.put_data'},{subject:'lti.get_data'}];}
        else if(m.subject==='lti.put_data'){o[m.key]=m.value;r.subject='lti.put_data.response';r.key=m.key;r.value=m.value;}
        else if(m.subject==='lti.get_data'){r.subject='lti.get_data.response';r.key=m.key;r.value=o[m.key];}
        else{r.subject=m.subject+'.response';r.error={code:'unsupported_subject',message:'Not supported by the demo LMS'};}
        e.source.postMessage(r,e.origin);});})();
        </script>
        """;

    private static readonly string Course = PilotCourse.CourseId.ToString(CultureInfo.InvariantCulture);

    public static void Map(WebApplication app, DemoLms lms)
    {
        app.MapGet("/", () => Page("Demo LMS", Home(lms)));
        app.MapGet($"/courses/{Course}", () => Results.Redirect("/"));
        app.MapGet($"/courses/{Course}/launch", (HttpContext http) => LaunchFrame(lms, http.Request.Query["as"].ToString()));
        app.MapGet($"/courses/{Course}/launch/tool", (HttpContext http) => ToolLogin(lms, http.Request.Query["as"].ToString()));
        app.MapGet($"/courses/{Course}/gradebook", () => Page("Gradebook · Demo LMS", Gradebook(lms)));
        app.MapGet($"/courses/{Course}/external_content/success/external_tool_redirect", () => Results.Redirect("/"));
    }

    /// <summary>A short page with a stable code; nothing from the request is echoed unencoded.</summary>
    public static IResult ErrorPage(int status, string code, string message) =>
        Results.Content(Document("Demo LMS error", $"<main><h1>Something went wrong</h1><p>{Encode(message)}</p><p class=\"muted\">Code: {Encode(code)}</p><p><a href=\"/\">Back to the course</a></p></main>"),
            "text/html; charset=utf-8", statusCode: status);

    private static string Home(DemoLms lms)
    {
        var course = lms.Course;
        var featured = new[] { course.Learners[0], course.Learners[1], course.Learners[2], course.Learners[3] };
        var html = new StringBuilder()
            .Append("<main><h1>").Append(Encode(course.Name)).Append(" <span class=\"muted\">(").Append(Encode(course.CourseCode)).Append(", Canvas course ").Append(Course).Append(")</span></h1>")
            .Append("<p>An emulated Canvas course shaped like the Cloud Computing pilot: ").Append(course.Learners.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" learners, nine weekly assignments and a capstone workshop assessed with a rubric. Launch the badge tool as someone in the course; it opens in the course frame, as in Canvas's course navigation.</p>")
            .Append("<div class=\"card\"><h2>Launch as a learner</h2><ul>");
        foreach (var learner in featured)
        {
            html.Append("<li><a class=\"button\" href=\"").Append(LaunchHref(learner)).Append("\">Launch as ").Append(Encode(learner.Name)).Append("</a> <span class=\"muted\">")
                .Append(Encode(learner.Story)).Append(", final grade ").Append(course.FinalScore(learner.UserId).ToString("0.#", CultureInfo.InvariantCulture)).Append(" %</span></li>");
        }

        html.Append("</ul><form method=\"get\" action=\"/courses/").Append(Course).Append("/launch\"><label for=\"as\">Any learner</label><select id=\"as\" name=\"as\">");
        foreach (var learner in course.Learners.OrderBy(l => l.SortableName, StringComparer.Ordinal))
        {
            html.Append("<option value=\"").Append(learner.UserId.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(Encode(learner.SortableName))
                .Append(" — ").Append(Encode(learner.Story)).Append("</option>");
        }

        html.Append("</select> <button type=\"submit\">Launch</button></form></div>")
            .Append("<div class=\"card\"><h2>Launch as staff</h2>")
            .Append("<p><a class=\"button\" href=\"").Append(LaunchHref(course.Instructor)).Append("\">Launch as instructor (").Append(Encode(course.Instructor.Name)).Append(")</a> ")
            .Append("<a class=\"button\" href=\"").Append(LaunchHref(course.Admin)).Append("\">Launch as admin (").Append(Encode(course.Admin.Name)).Append(")</a></p></div>")
            .Append(DemoRegistrationPages.HomeCard(lms))
            .Append(DemoDeepLinking.HomeCard(lms))
            .Append("<div class=\"card\"><h2>Gradebook</h2><p><a href=\"/courses/").Append(Course).Append("/gradebook\">Open the gradebook</a> to see the course grades and the scores the tool posts back (LTI Assignment and Grade Services).</p></div>")
            .Append(Moodle.DemoMoodlePages.HomeSection(lms.Moodle))
            .Append("<div class=\"card\"><h2>For developers</h2><p class=\"muted\">Issuer <code>").Append(Encode(lms.Options.Issuer)).Append("</code>, client id <code>").Append(Encode(lms.Options.ClientId))
            .Append("</code>, deployment <code>").Append(Encode(lms.Options.DeploymentId)).Append("</code>. Key set <code>").Append(Encode(lms.Options.JwksUri.AbsoluteUri))
            .Append("</code>. Canvas REST API under <code>/api/v1</code>.</p></div></main>");
        return html.ToString();
    }

    private static string LaunchHref(PilotPerson person) => $"/courses/{Course}/launch?as={person.UserId.ToString(CultureInfo.InvariantCulture)}";

    private static IResult LaunchFrame(DemoLms lms, string who)
    {
        if (Person(lms, who) is not { } person)
        {
            return ErrorPage(404, "unknown_user", "There is no such person in the course.");
        }

        var body = new StringBuilder()
            .Append("<div class=\"frame\"><nav aria-label=\"Course\"><strong>").Append(Encode(lms.Course.CourseCode)).Append("</strong>")
            .Append("<a href=\"/\">Home</a><a href=\"/courses/").Append(Course).Append("/gradebook\">Grades</a><a aria-current=\"page\" href=\"").Append(LaunchHref(person)).Append("\">Badges</a>")
            .Append("<p class=\"muted\">Signed in as ").Append(Encode(person.Name)).Append("</p></nav>")
            .Append("<iframe title=\"Badges (LTI tool)\" name=\"tool_content\" src=\"/courses/").Append(Course).Append("/launch/tool?as=").Append(person.UserId.ToString(CultureInfo.InvariantCulture))
            .Append("\" allow=\"clipboard-write\"></iframe></div>")
            .Append(PlatformStorageScript);
        return Page($"Badges · {lms.Course.Name}", body.ToString());
    }

    private static IResult ToolLogin(DemoLms lms, string who) =>
        Person(lms, who) is { } person
            ? Results.Content(AutoPostForm.Render(lms.Options.ToolLoginUri, DemoLaunch.LoginInitiation(lms, person)), "text/html; charset=utf-8")
            : ErrorPage(404, "unknown_user", "There is no such person in the course.");

    private static PilotPerson? Person(DemoLms lms, string who) =>
        long.TryParse(who, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) ? lms.Course.FindByUserId(userId) : null;

    private static string Gradebook(DemoLms lms)
    {
        var course = lms.Course;
        var items = lms.Gradebook.LineItems;
        var html = new StringBuilder("<main><h1>Gradebook</h1><p class=\"muted\">Course grades from the course's assignments, and one column per line item the badge tool created; its scores appear as it posts them.</p>")
            .Append("<table><caption class=\"muted\">").Append(Encode(course.Name)).Append("</caption><thead><tr><th scope=\"col\">Learner</th><th scope=\"col\">Final grade</th><th scope=\"col\">Capstone</th>");
        foreach (var item in items)
        {
            html.Append("<th scope=\"col\">").Append(Encode(item.Label)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var learner in course.Learners.OrderBy(l => l.SortableName, StringComparer.Ordinal))
        {
            var capstone = course.SubmissionsOf(learner.UserId).Single(s => s.AssignmentId == PilotCourse.CapstoneAssignmentId);
            html.Append("<tr><th scope=\"row\">").Append(Encode(learner.SortableName)).Append(learner.EnrollmentState == "active" ? "" : " <span class=\"muted\">(inactive)</span>").Append("</th><td>")
                .Append(course.FinalScore(learner.UserId).ToString("0.##", CultureInfo.InvariantCulture)).Append(" %</td><td>")
                .Append(capstone.Score is { } score ? score.ToString("0", CultureInfo.InvariantCulture) + " / 100" : capstone.Missing ? "missing" : "–").Append("</td>");
            foreach (var item in items)
            {
                var posted = lms.Gradebook.ScoreOf(item.Id, learner.Subject);
                html.Append("<td>").Append(posted is null ? "" : Encode(Describe(posted))).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table><p><a href=\"/\">Back to the course</a></p></main>").ToString();
    }

    private static string Describe(DemoScore score) =>
        (score.ScoreGiven is { } given ? given.ToString("0.##", CultureInfo.InvariantCulture) + (score.ScoreMaximum is { } max ? " / " + max.ToString("0.##", CultureInfo.InvariantCulture) : "") : score.GradingProgress)
        + (string.IsNullOrEmpty(score.Comment) ? "" : " — " + score.Comment);

    internal static IResult Page(string title, string body) =>
        Results.Content(Document(title, "<header><a href=\"/\">Demo LMS</a> · Cloud Computing</header>" + body), "text/html; charset=utf-8");

    private static string Document(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{Encode(title)}</title><style>{Style}</style></head><body>{body}</body></html>";

    internal static string Encode(string value) => WebUtility.HtmlEncode(value);
}
