using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>The web service functions of the emulated Moodle, answering for the pilot course in Moodle's shapes
/// (advanced grading and competencies in the other part of this class).</summary>
internal sealed partial class DemoMoodleFunctions(DemoMoodle moodle, Dictionary<string, string> p)
{
    private static readonly JsonArray NoWarnings = [];

    private DemoMoodleCourse Data => moodle.Data;

    private PilotCourse Course => moodle.Course;

    public JsonNode Call(string function) => function switch
    {
        MoodleWebServiceRequirements.GetSiteInfo => SiteInfo(),
        MoodleWebServiceRequirements.GetAssignments => Assignments(),
        MoodleWebServiceRequirements.GetSubmissions => Submissions(),
        MoodleWebServiceRequirements.GetGrades => Grades(),
        MoodleWebServiceRequirements.GetGradeItems => GradeItems(),
        MoodleWebServiceRequirements.GetGradingDefinitions => GradingDefinitions(),
        MoodleWebServiceRequirements.GetGradingFormInstances => GradingInstances(),
        MoodleWebServiceRequirements.ListCourseCompetencies => CourseCompetencies(),
        MoodleWebServiceRequirements.CompetencyReport => CompetencyReport(),
        MoodleWebServiceRequirements.GetEnrolledUsers => EnrolledUsers(),
        _ => throw new InvalidParameterException("Unknown function " + function),
    };

    private JsonObject SiteInfo() => new()
    {
        ["sitename"] = "Demo Moodle",
        ["username"] = "badgebridge",
        ["firstname"] = "Badge",
        ["lastname"] = "Bridge",
        ["fullname"] = "Badge Bridge Service",
        ["lang"] = "en",
        ["userid"] = DemoMoodle.ServiceUserId,
        ["siteurl"] = moodle.WwwRoot,
        ["userpictureurl"] = moodle.At("/theme/image.php/boost/core/1/u/f1").AbsoluteUri,
        ["functions"] = new JsonArray([.. MoodleWebServiceRequirements.RequiredFunctions.Order(StringComparer.Ordinal)
            .Select(f => (JsonNode)new JsonObject { ["name"] = f, ["version"] = "2024100700" })]),
        ["downloadfiles"] = 1,
        ["uploadfiles"] = 0,
        ["release"] = DemoMoodle.Release,
        ["version"] = "2024100702.05",
        ["mobilecssurl"] = "",
        ["advancedfeatures"] = new JsonArray(new JsonObject { ["name"] = "usecomments", ["value"] = 1 }),
        ["usercanmanageownfiles"] = true,
        ["userquota"] = 0,
        ["usermaxuploadfilesize"] = -1,
        ["userhomepage"] = 1,
        ["siteid"] = 1,
        ["sitecalendartype"] = "gregorian",
        ["usercalendartype"] = "gregorian",
        ["userissiteadmin"] = false,
        ["theme"] = "boost",
    };

    private JsonObject Assignments()
    {
        var courseIds = ArrayOf("courseids");
        var includeNotEnrolled = p.GetValueOrDefault("includenotenrolledcourses") == "1";
        var courses = new JsonArray();
        var warnings = new JsonArray();
        foreach (var id in courseIds)
        {
            // The service user is not enrolled: without includenotenrolledcourses Moodle returns nothing for the course.
            if (id != DemoMoodle.CourseId || !includeNotEnrolled)
            {
                warnings.Add(new JsonObject { ["item"] = "course", ["itemid"] = id, ["warningcode"] = "1", ["message"] = "No access rights in course context" });
                continue;
            }

            courses.Add(new JsonObject
            {
                ["id"] = DemoMoodle.CourseId,
                ["fullname"] = Course.Name,
                ["shortname"] = Course.CourseCode,
                ["timemodified"] = Course.StartAt.ToUnixTimeSeconds(),
                ["assignments"] = new JsonArray([.. Course.Assignments.Select(a => (JsonNode)new JsonObject
                {
                    ["id"] = a.Id,
                    ["cmid"] = Data.Cmid(a),
                    ["course"] = DemoMoodle.CourseId,
                    ["name"] = a.Name,
                    ["nosubmissions"] = 0,
                    ["duedate"] = a.DueAt.ToUnixTimeSeconds(),
                    ["allowsubmissionsfromdate"] = Course.StartAt.ToUnixTimeSeconds(),
                    ["cutoffdate"] = 0,
                    ["grade"] = a.PointsPossible,
                    ["teamsubmission"] = 0,
                    ["timemodified"] = Course.StartAt.ToUnixTimeSeconds(),
                    ["intro"] = "",
                    ["introformat"] = 1,
                })]),
            });
        }

        return new JsonObject { ["courses"] = courses, ["warnings"] = warnings };
    }

    private JsonObject Submissions()
    {
        var since = Since();
        var assignments = new JsonArray();
        foreach (var id in ArrayOf("assignmentids"))
        {
            if (Data.AssignmentById(id) is not { } assignment)
            {
                continue;
            }

            assignments.Add(new JsonObject
            {
                ["assignmentid"] = id,
                ["submissions"] = new JsonArray([.. Course.Submissions
                    .Where(s => s.AssignmentId == id && s.SubmittedAt is { } at && at.ToUnixTimeSeconds() >= since && IsLearner(s.UserId))
                    .Select(s => (JsonNode)Submission(assignment, s))]),
            });
        }

        return new JsonObject { ["assignments"] = assignments, ["warnings"] = NoWarnings.DeepClone() };
    }

    private JsonObject Submission(PilotAssignment assignment, PilotSubmission s)
    {
        var at = s.SubmittedAt!.Value.ToUnixTimeSeconds();
        var plugins = new JsonArray();
        if (s.AttachmentName is { } name)
        {
            plugins.Add(new JsonObject
            {
                ["type"] = "file",
                ["name"] = "File submissions",
                ["fileareas"] = new JsonArray(new JsonObject
                {
                    ["area"] = "submission_files",
                    ["files"] = new JsonArray(new JsonObject
                    {
                        ["filename"] = name,
                        ["filepath"] = "/",
                        ["filesize"] = 2048,
                        ["fileurl"] = moodle.At($"/webservice/pluginfile.php/{Data.ContextIdOf(assignment)}/assignsubmission_file/submission_files/{s.Id}/{Uri.EscapeDataString(name)}").AbsoluteUri,
                        ["timemodified"] = at,
                        ["mimetype"] = name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "application/octet-stream",
                        ["isexternalfile"] = false,
                    }),
                }),
            });
        }

        var text = s.Url is { } url ? $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(url)}\">{System.Net.WebUtility.HtmlEncode(url)}</a></p>" : s.Body;
        if (text is not null)
        {
            plugins.Add(new JsonObject
            {
                ["type"] = "onlinetext",
                ["name"] = "Online text",
                ["editorfields"] = new JsonArray(new JsonObject { ["name"] = "onlinetext", ["description"] = "Online text", ["text"] = text, ["format"] = 1 }),
            });
        }

        return new JsonObject
        {
            ["id"] = s.Id,
            ["userid"] = s.UserId,
            ["attemptnumber"] = Math.Max(0, s.Attempt - 1),
            ["timecreated"] = at - 3600,
            ["timemodified"] = at,
            ["status"] = "submitted",
            ["groupid"] = 0,
            ["latest"] = 1,
            ["plugins"] = plugins,
            ["gradingstatus"] = s.Score is null ? "notgraded" : "graded",
        };
    }

    private JsonObject Grades()
    {
        var since = Since();
        var assignments = new JsonArray();
        foreach (var id in ArrayOf("assignmentids"))
        {
            if (Data.AssignmentById(id) is null)
            {
                continue;
            }

            assignments.Add(new JsonObject
            {
                ["assignmentid"] = id,
                ["grades"] = new JsonArray([.. Course.Submissions
                    .Where(s => s.AssignmentId == id && s.Score is not null && !s.Excused && IsLearner(s.UserId) && GradedAt(s) >= since)
                    .Select(s => (JsonNode)new JsonObject
                    {
                        ["id"] = DemoMoodleCourse.GradeId(s),
                        ["assignment"] = id,
                        ["userid"] = s.UserId,
                        ["attemptnumber"] = Math.Max(0, s.Attempt - 1),
                        ["timecreated"] = GradedAt(s),
                        ["timemodified"] = GradedAt(s),
                        ["grader"] = Course.Instructor.UserId,
                        ["grade"] = s.Score!.Value.ToString("F5", CultureInfo.InvariantCulture),
                    })]),
            });
        }

        return new JsonObject { ["assignments"] = assignments, ["warnings"] = NoWarnings.DeepClone() };
    }

    private JsonObject GradeItems()
    {
        var courseId = Required("courseid");
        var users = p.ContainsKey("userid") ? [Required("userid")] : Course.Learners.Select(l => l.UserId).ToList();
        var usergrades = new JsonArray();
        foreach (var userId in users.Where(u => courseId == DemoMoodle.CourseId && IsLearner(u)))
        {
            var person = Course.FindByUserId(userId)!;
            var items = new JsonArray();
            var submissions = Course.SubmissionsOf(userId).ToDictionary(s => s.AssignmentId);
            foreach (var a in Course.Assignments)
            {
                var s = submissions.GetValueOrDefault(a.Id);
                items.Add(GradeItem(Data.GradeItemId(a), a.Name, "mod", "assign", a.Id, Data.Cmid(a), s is { Excused: false } ? s.Score : null, a.PointsPossible));
            }

            var (earned, possible) = Data.CourseTotal(userId);
            items.Add(GradeItem(DemoMoodleCourse.CourseTotalItemId, null, "course", null, DemoMoodle.CourseId, null, earned, possible));
            usergrades.Add(new JsonObject
            {
                ["courseid"] = courseId,
                ["courseidnumber"] = "",
                ["userid"] = userId,
                ["userfullname"] = person.Name,
                ["useridnumber"] = "",
                ["maxdepth"] = 2,
                ["gradeitems"] = items,
            });
        }

        return new JsonObject { ["usergrades"] = usergrades, ["warnings"] = NoWarnings.DeepClone() };
    }

    private static JsonObject GradeItem(long id, string? name, string type, string? module, long instance, long? cmid, decimal? raw, decimal max) => new()
    {
        ["id"] = id,
        ["itemname"] = name,
        ["itemtype"] = type,
        ["itemmodule"] = module,
        ["iteminstance"] = instance,
        ["itemnumber"] = 0,
        ["idnumber"] = "",
        ["categoryid"] = 1,
        ["outcomeid"] = null,
        ["scaleid"] = null,
        ["locked"] = false,
        ["cmid"] = cmid,
        ["weightraw"] = 0,
        ["weightformatted"] = "-",
        ["graderaw"] = raw,
        ["gradedatesubmitted"] = null,
        ["gradedategraded"] = null,
        ["gradehiddenbydate"] = false,
        ["gradeneedsupdate"] = false,
        ["gradeishidden"] = false,
        ["gradeislocked"] = false,
        ["gradeisoverridden"] = false,
        ["gradeformatted"] = raw is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-",
        ["grademin"] = 0,
        ["grademax"] = max,
        ["rangeformatted"] = "0&ndash;" + max.ToString("0", CultureInfo.InvariantCulture),
        ["percentageformatted"] = raw is { } q && max > 0 ? (q * 100 / max).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "-",
        ["feedback"] = "",
        ["feedbackformat"] = 0,
    };

    private JsonArray EnrolledUsers()
    {
        var courseId = Required("courseid");
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; p.TryGetValue($"options[{i}][name]", out var name); i++)
        {
            options[name] = p.GetValueOrDefault($"options[{i}][value]") ?? "";
        }

        var from = int.TryParse(options.GetValueOrDefault("limitfrom"), CultureInfo.InvariantCulture, out var f) ? Math.Max(0, f) : 0;
        var number = int.TryParse(options.GetValueOrDefault("limitnumber"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : int.MaxValue;
        if (courseId != DemoMoodle.CourseId)
        {
            return [];
        }

        var members = Course.Learners.Select(l => (Person: l, RoleId: 5, Role: "student")).Prepend((Person: Course.Instructor, RoleId: 3, Role: "editingteacher"));
        return [.. members.Skip(from).Take(number).Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Person.UserId,
            ["username"] = m.Person.Email.Split('@')[0],
            ["firstname"] = m.Person.GivenName,
            ["lastname"] = m.Person.FamilyName,
            ["fullname"] = m.Person.Name,
            ["email"] = m.Person.Email,
            ["idnumber"] = "",
            ["roles"] = new JsonArray(new JsonObject { ["roleid"] = m.RoleId, ["name"] = "", ["shortname"] = m.Role, ["sortorder"] = 0 }),
        })];
    }

    private bool IsLearner(long userId) => Course.Learners.Any(l => l.UserId == userId);

    private static long GradedAt(PilotSubmission s) => (s.GradedAt ?? s.SubmittedAt)?.ToUnixTimeSeconds() ?? 0;

    private long Since() => long.TryParse(p.GetValueOrDefault("since"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : 0;

    private long Required(string name) =>
        p.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidParameterException($"Missing required key in single structure: {name}");

    private List<long> ArrayOf(string name)
    {
        var values = new List<long>();
        for (var i = 0; p.TryGetValue($"{name}[{i}]", out var value); i++)
        {
            values.Add(long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new InvalidParameterException($"Invalid parameter value detected ({name}[{i}])"));
        }

        return values;
    }

    internal sealed class InvalidParameterException(string message) : Exception(message);
}
