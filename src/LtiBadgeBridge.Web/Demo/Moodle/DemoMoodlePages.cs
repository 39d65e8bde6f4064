using System.Globalization;
using System.Net;
using System.Text;
using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>The emulated Moodle's pages: front page, the course with its "Badges" external tool activity (launched
/// in an iframe as a chosen person), the grader report with the tool's columns, and the site administration pages
/// Manage tools (LTI Advantage registration, activation of pending tools) and Manage tokens.</summary>
internal static class DemoMoodlePages
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2125;background:#f8f9fa}
        header{background:#fff;border-bottom:1px solid #dee2e6;padding:.6rem 1.5rem;display:flex;gap:1.5rem;align-items:center}
        header .brand{color:#f98012;font-weight:700;text-decoration:none;font-size:1.2rem}header a{color:#0f6cbf}
        main{padding:1rem 1.5rem;max-width:72rem}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}
        .card{background:#fff;border:1px solid #dee2e6;border-radius:.5rem;padding:1rem;margin:.75rem 0}
        button,.btn{background:#0f6cbf;color:#fff;border:0;border-radius:.5rem;padding:.4rem .8rem;font-size:.95rem;cursor:pointer;text-decoration:none;display:inline-block;margin:.15rem 0}
        .btn-secondary{background:#ced4da;color:#1d2125}button:focus,.btn:focus,input:focus,select:focus{outline:3px solid #f0b429;outline-offset:2px}
        .muted{color:#6a737b;font-size:.9rem}table{border-collapse:collapse;background:#fff;width:100%}
        th,td{border:1px solid #dee2e6;padding:.35rem .5rem;text-align:left;font-size:.9rem}th{background:#f1f3f5}
        .badge{display:inline-block;border-radius:.25rem;padding:.1rem .45rem;font-size:.8rem;font-weight:600}
        .badge-pending{background:#fff3cd;color:#664d03}.badge-active{background:#d1e7dd;color:#0a3622}
        .frame{display:flex;min-height:calc(100vh - 3rem)}nav{width:13rem;background:#fff;border-right:1px solid #dee2e6;padding:1rem}
        nav a{display:block;padding:.3rem 0;color:#0f6cbf}iframe#contentframe{flex:1;border:0;min-height:calc(100vh - 3rem);background:#fff}
        dialog{width:min(60rem,95vw);height:80vh;border:1px solid #dee2e6;border-radius:.5rem;padding:0}dialog iframe{width:100%;height:calc(100% - 3rem);border:0}
        dialog .bar{display:flex;justify-content:space-between;align-items:center;padding:.4rem .8rem;border-bottom:1px solid #dee2e6}
        label{font-weight:600;margin-right:.5rem}input[type=url],select{padding:.35rem;font-size:.95rem;min-width:24rem}code{word-break:break-all}
        """;

    /// <summary>Moodle closes its registration dialog when the tool posts <c>org.imsglobal.lti.close</c>, then shows the tool list again.</summary>
    private const string RegistrationScript = """
        <script>
        (function(){var form=document.getElementById('lti-advantage');var dialog=document.getElementById('registration-dialog');
        if(form&&dialog){form.addEventListener('submit',function(){dialog.showModal();});
        document.getElementById('registration-cancel').addEventListener('click',function(){dialog.close();location.reload();});}
        window.addEventListener('message',function(e){var frame=document.querySelector('iframe[name=registration_frame]');
        if(!frame||e.source!==frame.contentWindow||!e.data||e.data.subject!=='org.imsglobal.lti.close')return;
        if(dialog)dialog.close();location.assign(location.pathname+'?registered=1');});})();
        </script>
        """;

    private static readonly string CourseId = DemoMoodle.CourseId.ToString(CultureInfo.InvariantCulture);

    public static void Map(WebApplication app, DemoMoodle moodle)
    {
        var root = DemoMoodle.PathPrefix;
        app.MapGet(root, () => Results.Redirect(root + "/"));
        app.MapGet(root + "/", () => Page("Demo Moodle", FrontPage(moodle)));
        app.MapGet(root + "/course/view.php", (HttpContext http) => http.Request.Query["id"] == CourseId
            ? Page($"Course: {moodle.Course.Name}", CoursePage(moodle))
            : Notice(404, "Can't find data record in database table course.", "There is no such course."));
        app.MapGet(root + "/mod/lti/view.php", (HttpContext http) => ActivityFrame(moodle, http.Request.Query["id"].ToString(), http.Request.Query["as"].ToString()));
        app.MapGet(root + "/mod/lti/return.php", () => Results.Redirect(moodle.CourseUrl.AbsoluteUri));
        app.MapGet(root + "/grade/report/grader/index.php", (HttpContext http) => http.Request.Query["id"] == CourseId
            ? Page("Grader report", Gradebook(moodle))
            : Notice(404, "Can't find data record in database table course.", "There is no such course."));
        app.MapGet(root + "/mod/lti/toolconfigure.php", (HttpContext http) => Page("Manage tools", ManageTools(moodle, http.Request.Query["registered"] == "1", null), RegistrationScript));
        app.MapPost(root + "/mod/lti/toolconfigure.php", (Func<HttpContext, Task<IResult>>)(async http =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var activated = form["action"] == "activate" && long.TryParse(form["typeid"], NumberStyles.None, CultureInfo.InvariantCulture, out var typeId) && moodle.Activate(typeId);
            return Page("Manage tools", ManageTools(moodle, false, activated ? "The tool is now active: teachers can add it to their courses." : "Nothing to activate."), RegistrationScript);
        }));
        app.MapGet(root + "/admin/webservice/tokens.php", () => Page("Manage tokens", ManageTokens(moodle)));
    }

    /// <summary>The demo home page's card about the Moodle site (same course; the admin registers the tool first).</summary>
    public static string HomeSection(DemoMoodle moodle) => new StringBuilder("<div class=\"card\"><h2>The same course in Moodle</h2>")
        .Append("<p>An emulated Moodle site serves this course too. It starts without the badge tool: the site administrator registers it (LTI Advantage dynamic registration) and activates it under ")
        .Append("<a href=\"").Append(Encode(moodle.ManageToolsUrl.PathAndQuery)).Append("\">Moodle › Manage tools</a>, gives the tool the web service token from ")
        .Append("<a href=\"").Append(Encode(moodle.ManageTokensUrl.PathAndQuery)).Append("\">Manage tokens</a>, then the teacher and learners launch it from the ")
        .Append("<a href=\"").Append(Encode(moodle.CourseUrl.PathAndQuery)).Append("\">Moodle course</a>; scores show in the <a href=\"").Append(Encode(moodle.GradebookUrl.PathAndQuery)).Append("\">Moodle grader report</a>.</p></div>")
        .ToString();

    /// <summary>A plain Moodle notice page (errors and refusals); nothing from the request is echoed unencoded.</summary>
    public static IResult Notice(int status, string title, string message) =>
        Results.Content(Document(title, Header() + $"<main><h1>{Encode(title)}</h1><div class=\"card\" role=\"alert\"><p>{Encode(message)}</p></div><p><a href=\"{DemoMoodle.PathPrefix}/\">Continue</a></p></main>", ""),
            "text/html; charset=utf-8", statusCode: status);

    public static PilotPerson? Person(DemoMoodle moodle, string who) =>
        long.TryParse(who, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) ? moodle.Course.FindByUserId(userId) : null;

    public static string ActivityHref(PilotPerson person) =>
        $"{DemoMoodle.PathPrefix}/mod/lti/view.php?id={DemoMoodle.ToolCmid}&as={person.UserId.ToString(CultureInfo.InvariantCulture)}";

    private static string FrontPage(DemoMoodle moodle) => new StringBuilder("<main><h1>Demo Moodle</h1>")
        .Append("<div class=\"card\"><h2>My courses</h2><p><a href=\"").Append(Encode(moodle.CourseUrl.PathAndQuery)).Append("\">").Append(Encode(moodle.Course.Name)).Append("</a> <span class=\"muted\">(")
        .Append(Encode(moodle.Course.CourseCode)).Append(")</span></p></div>")
        .Append("<div class=\"card\"><h2>Site administration</h2><p><a href=\"").Append(Encode(moodle.ManageToolsUrl.PathAndQuery)).Append("\">Plugins › Activity modules › External tool › Manage tools</a></p>")
        .Append("<p><a href=\"").Append(Encode(moodle.ManageTokensUrl.PathAndQuery)).Append("\">Server › Web services › Manage tokens</a></p></div>")
        .Append("<div class=\"card\"><h2>For developers</h2><p class=\"muted\">wwwroot and LTI issuer <code>").Append(Encode(moodle.WwwRoot)).Append("</code>; dynamic registration <code>")
        .Append(Encode(moodle.OpenIdConfigurationUrl.AbsoluteUri)).Append("</code>; web service <code>").Append(Encode(moodle.At("/webservice/rest/server.php").AbsoluteUri)).Append("</code>.</p></div></main>")
        .ToString();

    private static string CoursePage(DemoMoodle moodle)
    {
        var course = moodle.Course;
        var html = new StringBuilder("<main><h1>").Append(Encode(course.Name)).Append(" <span class=\"muted\">(").Append(Encode(course.CourseCode)).Append(", Moodle course ").Append(CourseId).Append(")</span></h1>");
        var tool = moodle.CourseTool;
        html.Append("<div class=\"card\"><h2>Badges <span class=\"muted\">(External tool)</span></h2>");
        if (tool is null)
        {
            html.Append("<p>No external tool is set up on this site yet. The site administrator registers the badge tool under <a href=\"")
                .Append(Encode(moodle.ManageToolsUrl.PathAndQuery)).Append("\">Manage tools</a>.</p></div>");
        }
        else
        {
            if (!tool.IsActive)
            {
                html.Append("<p><span class=\"badge badge-pending\">Pending</span> The site administrator has registered <strong>").Append(Encode(tool.Name))
                    .Append("</strong> but not activated it yet; launches are refused until then.</p>");
            }

            html.Append("<p class=\"muted\">Launch the activity as one of the course's people; it opens in this page, the tool in an iframe.</p><ul>");
            foreach (var learner in course.Learners.Take(4))
            {
                html.Append("<li><a class=\"btn\" href=\"").Append(ActivityHref(learner)).Append("\">Launch as ").Append(Encode(learner.Name)).Append("</a> <span class=\"muted\">")
                    .Append(Encode(learner.Story)).Append("</span></li>");
            }

            html.Append("</ul><form method=\"get\" action=\"").Append(DemoMoodle.PathPrefix).Append("/mod/lti/view.php\"><input type=\"hidden\" name=\"id\" value=\"")
                .Append(DemoMoodle.ToolCmid.ToString(CultureInfo.InvariantCulture)).Append("\"><label for=\"as\">Any learner</label><select id=\"as\" name=\"as\">");
            foreach (var learner in course.Learners.OrderBy(l => l.SortableName, StringComparer.Ordinal))
            {
                html.Append("<option value=\"").Append(learner.UserId.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(Encode(learner.SortableName)).Append("</option>");
            }

            html.Append("</select> <button type=\"submit\">Launch</button></form>")
                .Append("<p><a class=\"btn\" href=\"").Append(ActivityHref(course.Instructor)).Append("\">Launch as teacher (").Append(Encode(course.Instructor.Name)).Append(")</a> ")
                .Append("<a class=\"btn btn-secondary\" href=\"").Append(ActivityHref(course.Admin)).Append("\">Launch as site administrator (").Append(Encode(course.Admin.Name)).Append(")</a></p></div>");
        }

        html.Append("<div class=\"card\"><h2>Assignments</h2><ul>");
        foreach (var assignment in course.Assignments)
        {
            html.Append("<li>").Append(Encode(assignment.Name)).Append(assignment.RubricId is null ? "" : " <span class=\"muted\">(graded with a rubric)</span>").Append("</li>");
        }

        return html.Append("</ul></div><div class=\"card\"><h2>Grades</h2><p><a href=\"").Append(Encode(moodle.GradebookUrl.PathAndQuery))
            .Append("\">Grader report</a>: course totals and the scores the badge tool posts back.</p></div></main>").ToString();
    }

    private static IResult ActivityFrame(DemoMoodle moodle, string cmid, string who)
    {
        if (cmid != DemoMoodle.ToolCmid.ToString(CultureInfo.InvariantCulture))
        {
            return Notice(404, "Invalid course module ID", "There is no such activity in this course.");
        }

        if (DemoMoodleLti.Refusal(moodle.CourseTool) is { } refusal)
        {
            return refusal;
        }

        if (Person(moodle, who) is not { } person)
        {
            return Notice(404, "Unknown user", "There is no such person in the course.");
        }

        var body = new StringBuilder()
            .Append("<div class=\"frame\"><nav aria-label=\"Course\"><strong>").Append(Encode(moodle.Course.CourseCode)).Append("</strong>")
            .Append("<a href=\"").Append(Encode(moodle.CourseUrl.PathAndQuery)).Append("\">Course</a><a href=\"").Append(Encode(moodle.GradebookUrl.PathAndQuery)).Append("\">Grades</a>")
            .Append("<a aria-current=\"page\" href=\"").Append(ActivityHref(person)).Append("\">Badges</a><p class=\"muted\">Logged in as ").Append(Encode(person.Name)).Append("</p></nav>")
            .Append("<iframe id=\"contentframe\" name=\"tool_content\" title=\"Badges (External tool)\" src=\"").Append(DemoMoodle.PathPrefix).Append("/mod/lti/launch.php?id=")
            .Append(DemoMoodle.ToolCmid.ToString(CultureInfo.InvariantCulture)).Append("&amp;as=").Append(person.UserId.ToString(CultureInfo.InvariantCulture))
            .Append("\" allow=\"microphone *; camera *; geolocation *; clipboard-write *\"></iframe></div>");
        return Page($"{moodle.Course.CourseCode}: Badges", body.ToString());
    }

    private static string Gradebook(DemoMoodle moodle)
    {
        var course = moodle.Course;
        var items = moodle.Gradebook.LineItems;
        var html = new StringBuilder("<main><h1>Grader report</h1><p class=\"muted\">Course total, and one column per grade item the badge tool created through LTI Assignment and Grade Services; its scores appear as it posts them.</p>")
            .Append("<table><caption class=\"muted\">").Append(Encode(course.Name)).Append("</caption><thead><tr><th scope=\"col\">Learner</th><th scope=\"col\">Course total</th>");
        foreach (var item in items)
        {
            html.Append("<th scope=\"col\">").Append(Encode(item.Label)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var learner in course.Learners.OrderBy(l => l.SortableName, StringComparer.Ordinal))
        {
            var (earned, possible) = moodle.Data.CourseTotal(learner.UserId);
            html.Append("<tr><th scope=\"row\">").Append(Encode(learner.SortableName)).Append("</th><td>")
                .Append(possible == 0 ? "-" : (earned * 100 / possible).ToString("0.00", CultureInfo.InvariantCulture) + " %").Append("</td>");
            foreach (var item in items)
            {
                var posted = moodle.Gradebook.ScoreOf(item.Id, learner.UserId.ToString(CultureInfo.InvariantCulture));
                html.Append("<td>").Append(posted is null ? "" : Encode(Describe(posted))).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table><p><a href=\"").Append(Encode(moodle.CourseUrl.PathAndQuery)).Append("\">Back to the course</a></p></main>").ToString();
    }

    private static string Describe(DemoScore score) =>
        (score.ScoreGiven is { } given ? given.ToString("0.00", CultureInfo.InvariantCulture) + (score.ScoreMaximum is { } max ? " / " + max.ToString("0.00", CultureInfo.InvariantCulture) : "") : score.GradingProgress)
        + (string.IsNullOrEmpty(score.Comment) ? "" : " — " + score.Comment);

    private static string ManageTools(DemoMoodle moodle, bool registered, string? notice)
    {
        var html = new StringBuilder("<main><h1>Manage tools</h1>");
        if (notice is not null)
        {
            html.Append("<div class=\"card\" role=\"status\"><p>").Append(Encode(notice)).Append("</p></div>");
        }
        else if (registered)
        {
            html.Append("<div class=\"card\" role=\"status\"><p>The tool was registered. It is pending until you activate it.</p></div>");
        }

        html.Append("<div class=\"card\"><h2>Add tool</h2><form id=\"lti-advantage\" method=\"get\" action=\"").Append(DemoMoodle.PathPrefix)
            .Append("/mod/lti/startltiadvregistration.php\" target=\"registration_frame\"><label for=\"tool-url\">Tool URL</label>")
            .Append("<input type=\"url\" id=\"tool-url\" name=\"url\" required value=\"").Append(Encode(moodle.ToolRegistrationUrl.AbsoluteUri)).Append("\"> ")
            .Append("<button type=\"submit\">Add LTI Advantage</button></form><p class=\"muted\">Dynamic registration: the tool's page opens in a dialog with this site's configuration URL and a one-time registration token.</p></div>")
            .Append("<dialog id=\"registration-dialog\" aria-label=\"Tool registration\"><div class=\"bar\"><strong>Tool registration</strong><button type=\"button\" id=\"registration-cancel\" class=\"btn-secondary\">Close</button></div>")
            .Append("<iframe name=\"registration_frame\" title=\"Tool registration\"></iframe></dialog>");
        html.Append("<h2>Tools</h2>");
        if (moodle.Tools.Count == 0)
        {
            html.Append("<p class=\"muted\">No tools are registered.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">Tool</th><th scope=\"col\">State</th><th scope=\"col\">Client ID</th><th scope=\"col\">Deployment ID</th><th scope=\"col\">Services</th><th scope=\"col\">Action</th></tr></thead><tbody>");
            foreach (var tool in moodle.Tools)
            {
                html.Append("<tr data-typeid=\"").Append(tool.DeploymentId).Append("\"><th scope=\"row\">").Append(Encode(tool.Name)).Append("<br><span class=\"muted\">").Append(Encode(tool.TargetLinkUri)).Append("</span></th><td>")
                    .Append(tool.IsActive ? "<span class=\"badge badge-active\">Active</span>" : "<span class=\"badge badge-pending\">Pending</span>").Append("</td><td><code>")
                    .Append(Encode(tool.ClientId)).Append("</code></td><td><code>").Append(tool.DeploymentId).Append("</code></td><td>")
                    .Append(Encode(string.Join(", ", tool.Scopes.Select(s => s[(s.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal)))).Append("</td><td>");
                if (!tool.IsActive)
                {
                    html.Append("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"activate\"><input type=\"hidden\" name=\"typeid\" value=\"").Append(tool.DeploymentId)
                        .Append("\"><button type=\"submit\">Activate</button></form>");
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("<p><a href=\"").Append(Encode(moodle.ManageTokensUrl.PathAndQuery)).Append("\">Manage tokens</a> · <a href=\"").Append(Encode(moodle.CourseUrl.PathAndQuery)).Append("\">Course</a></p></main>").ToString();
    }

    private static string ManageTokens(DemoMoodle moodle) => new StringBuilder("<main><h1>Manage tokens</h1>")
        .Append("<p class=\"muted\">The badge tool reads the course's grades, rubric levels and competencies over the REST web service with this token. Give it to the tool's administrator (the badge service's admin console, platform page: Moodle web service token).</p>")
        .Append("<table><thead><tr><th scope=\"col\">Token</th><th scope=\"col\">User</th><th scope=\"col\">Service</th><th scope=\"col\">Site URL</th></tr></thead><tbody><tr><td><code id=\"ws-token\">")
        .Append(Encode(moodle.WebServiceToken)).Append("</code></td><td>Badge Bridge Service (badgebridge)</td><td>LtiBadgeBridge (")
        .Append(Platforms.Moodle.MoodleWebServiceRequirements.RequiredFunctions.Count.ToString(CultureInfo.InvariantCulture)).Append(" functions)</td><td><code id=\"ws-site\">")
        .Append(Encode(moodle.WwwRoot)).Append("</code></td></tr></tbody></table>")
        .Append("<p><a href=\"").Append(Encode(moodle.ManageToolsUrl.PathAndQuery)).Append("\">Manage tools</a></p></main>").ToString();

    private static string Header() =>
        $"<header><a class=\"brand\" href=\"{DemoMoodle.PathPrefix}/\">Demo Moodle</a><a href=\"{DemoMoodle.PathPrefix}/course/view.php?id={CourseId}\">Cloud Computing</a><a href=\"{DemoMoodle.PathPrefix}/mod/lti/toolconfigure.php\">Site administration</a></header>";

    private static IResult Page(string title, string body, string script = "") =>
        Results.Content(Document(title, Header() + body, script), "text/html; charset=utf-8");

    private static string Document(string title, string body, string script) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{Encode(title)}</title><style>{Style}</style></head><body>{body}{script}</body></html>";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
