using System.Globalization;

namespace LtiBadgeBridge.Testing.Emulators;

public sealed partial class EmulatedMoodle
{
    private static readonly Dictionary<string, Func<EmulatedMoodle, Dictionary<string, string>, object>> Handlers = new(StringComparer.Ordinal)
    {
        ["core_webservice_get_site_info"] = (m, _) => m.SiteInfo(),
        ["mod_assign_get_assignments"] = (m, p) => m.Assignments(p),
        ["mod_assign_get_submissions"] = (m, p) => m.Submissions(p),
        ["mod_assign_get_grades"] = (m, p) => m.Grades(p),
        ["gradereport_user_get_grade_items"] = (m, p) => m.GradeItems(p),
        ["core_grading_get_definitions"] = (m, p) => m.GradingDefinitions(p),
        ["core_grading_get_gradingform_instances"] = (m, p) => m.GradingInstances(p),
        ["core_competency_list_course_competencies"] = (m, p) => m.CourseCompetencies(p),
        ["report_competency_data_for_report"] = (m, p) => m.CompetencyReport(p),
        ["core_enrol_get_enrolled_users"] = (m, p) => m.EnrolledUsers(p),
    };

    private static readonly object NoWarnings = Array.Empty<object>();

    private Dictionary<string, object?> SiteInfo() => new Dictionary<string, object?>
    {
        ["sitename"] = "Emulated Moodle",
        ["username"] = "badgebridge",
        ["fullname"] = "Badge Bridge Service",
        ["userid"] = MoodleCourseFixture.ServiceUserId,
        ["siteurl"] = SiteUrl.AbsoluteUri.TrimEnd('/'),
        ["functions"] = functions.Keys.Order(StringComparer.Ordinal).Select(f => new { name = f, version = "2024100700" }).ToList(),
        ["downloadfiles"] = Options.DownloadFiles ? 1 : 0,
        ["uploadfiles"] = 0,
        ["release"] = "4.5.2+ (Build: 20250221)",
        ["version"] = "2024100702.05",
    };

    private object Assignments(Dictionary<string, string> p)
    {
        var courseIds = ArrayOf(p, "courseids");
        var includeNotEnrolled = p.GetValueOrDefault("includenotenrolledcourses") == "1";
        var courses = new List<object>();

        // The service user is not enrolled: without includenotenrolledcourses Moodle returns nothing.
        if (includeNotEnrolled && courseIds.Contains(Fixture.CourseId))
        {
            courses.Add(new Dictionary<string, object?>
            {
                ["id"] = Fixture.CourseId,
                ["fullname"] = "Cloud Computing Essentials",
                ["shortname"] = "CC-201",
                ["timemodified"] = MoodleCourseFixture.CourseStart.ToUnixTimeSeconds(),
                ["assignments"] = Enumerable.Range(0, Fixture.AssignmentCount).Select(a => new Dictionary<string, object?>
                {
                    ["id"] = Fixture.AssignmentId(a),
                    ["cmid"] = Fixture.Cmid(a),
                    ["course"] = Fixture.CourseId,
                    ["name"] = $"Lab {a + 1}",
                    ["duedate"] = MoodleCourseFixture.CourseStart.AddDays(7 * (a + 1)).ToUnixTimeSeconds(),
                    ["cutoffdate"] = 0,
                    ["grade"] = 100,
                    ["timemodified"] = MoodleCourseFixture.CourseStart.ToUnixTimeSeconds(),
                }).ToList(),
            });
        }

        var warnings = courseIds.Where(id => id != Fixture.CourseId || !includeNotEnrolled)
            .Select(id => new { item = "course", itemid = id, warningcode = "1", message = "No access rights in course context" })
            .ToList();
        return new { courses, warnings };
    }

    private object Submissions(Dictionary<string, string> p)
    {
        var since = long.TryParse(p.GetValueOrDefault("since"), CultureInfo.InvariantCulture, out var s) ? s : 0;
        var assignments = ArrayOf(p, "assignmentids").Select(id => (object)new
        {
            assignmentid = id,
            submissions = Learners().Where(Fixture.HasSubmitted)
                .Where(l => Fixture.TimeModified(l, Fixture.AssignmentIndex(id)) >= since)
                .Select(l => Submission(l, Fixture.AssignmentIndex(id)))
                .ToList(),
        }).ToList();
        return new { assignments, warnings = NoWarnings };
    }

    private Dictionary<string, object?> Submission(int learner, int a)
    {
        var fileUrl = $"{SiteUrl.AbsoluteUri}webservice/pluginfile.php/{Fixture.ContextId(a)}/assignsubmission_file/submission_files/{Fixture.SubmissionId(learner, a)}/{Fixture.FileName(learner, a)}";
        return new Dictionary<string, object?>
        {
            ["id"] = Fixture.SubmissionId(learner, a),
            ["userid"] = Fixture.LearnerId(learner),
            ["attemptnumber"] = 0,
            ["timecreated"] = Fixture.TimeModified(learner, a) - 3600,
            ["timemodified"] = Fixture.TimeModified(learner, a),
            ["status"] = "submitted",
            ["groupid"] = 0,
            ["gradingstatus"] = "graded",
            ["plugins"] = new object[]
            {
                new
                {
                    type = "file",
                    name = "File submissions",
                    fileareas = new[]
                    {
                        new
                        {
                            area = "submission_files",
                            files = new[]
                            {
                                new Dictionary<string, object?>
                                {
                                    ["filename"] = Fixture.FileName(learner, a),
                                    ["filepath"] = "/",
                                    ["filesize"] = Fixture.FileContent(learner, a).Length,
                                    ["fileurl"] = fileUrl,
                                    ["timemodified"] = Fixture.TimeModified(learner, a),
                                    ["mimetype"] = "application/pdf",
                                    ["isexternalfile"] = false,
                                },
                            },
                        },
                    },
                },
                new
                {
                    type = "onlinetext",
                    name = "Online text",
                    editorfields = new[]
                    {
                        new { name = "onlinetext", description = "Online text", text = $"<p>Reflection of learner {Fixture.LearnerId(learner)}</p>", format = 1 },
                    },
                },
            },
        };
    }

    private object Grades(Dictionary<string, string> p)
    {
        var assignments = ArrayOf(p, "assignmentids").Select(id => (object)new
        {
            assignmentid = id,
            grades = Learners().Where(Fixture.HasSubmitted).Select(l => new Dictionary<string, object?>
            {
                ["id"] = Fixture.GradeId(l, Fixture.AssignmentIndex(id)),
                ["assignment"] = id,
                ["userid"] = Fixture.LearnerId(l),
                ["attemptnumber"] = 0,
                ["timecreated"] = Fixture.TimeModified(l, Fixture.AssignmentIndex(id)),
                ["timemodified"] = Fixture.TimeModified(l, Fixture.AssignmentIndex(id)) + 86_400,
                ["grader"] = MoodleCourseFixture.ServiceUserId,
                ["grade"] = Fixture.GradeString(l, Fixture.AssignmentIndex(id)),
            }).ToList(),
        }).ToList();
        return new { assignments, warnings = NoWarnings };
    }

    private object GradeItems(Dictionary<string, string> p)
    {
        var courseId = Required(p, "courseid");
        var users = p.ContainsKey("userid") ? [Required(p, "userid")] : Learners().Select(Fixture.LearnerId).ToList();
        var usergrades = users.Where(u => courseId == Fixture.CourseId && Fixture.LearnerIndex(u) >= 0 && Fixture.LearnerIndex(u) < Fixture.LearnerCount)
            .Select(u =>
            {
                var learner = Fixture.LearnerIndex(u);
                var items = Enumerable.Range(0, Fixture.AssignmentCount).Select(a => GradeItem(
                    1000 + a, $"Lab {a + 1}", "mod", "assign", Fixture.AssignmentId(a), Fixture.Cmid(a), Fixture.Grade(learner, a))).ToList();
                items.Add(GradeItem(999, null, "course", null, Fixture.CourseId, null, Fixture.CourseTotal(learner)));
                return new Dictionary<string, object?>
                {
                    ["courseid"] = courseId,
                    ["userid"] = u,
                    ["userfullname"] = $"Learner {u}",
                    ["maxdepth"] = 2,
                    ["gradeitems"] = items,
                };
            }).ToList();
        return new { usergrades, warnings = NoWarnings };
    }

    private static Dictionary<string, object?> GradeItem(long id, string? name, string type, string? module, long instance, long? cmid, decimal? raw) => new()
    {
        ["id"] = id,
        ["itemname"] = name,
        ["itemtype"] = type,
        ["itemmodule"] = module,
        ["iteminstance"] = instance,
        ["itemnumber"] = 0,
        ["cmid"] = cmid,
        ["graderaw"] = raw,
        ["gradeformatted"] = raw is null ? "-" : $"<span class=\"grade\">{raw.Value.ToString("F2", CultureInfo.InvariantCulture)}</span>",
        ["grademin"] = 0,
        ["grademax"] = 100,
        ["percentageformatted"] = raw is null ? "-" : raw.Value.ToString("F2", CultureInfo.InvariantCulture) + " %",
    };

    private List<object> EnrolledUsers(Dictionary<string, string> p)
    {
        var courseId = Required(p, "courseid");
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; p.TryGetValue($"options[{i}][name]", out var name); i++)
        {
            options[name] = p.GetValueOrDefault($"options[{i}][value]") ?? string.Empty;
        }

        var from = int.TryParse(options.GetValueOrDefault("limitfrom"), CultureInfo.InvariantCulture, out var f) ? f : 0;
        var number = int.TryParse(options.GetValueOrDefault("limitnumber"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : int.MaxValue;
        return courseId != Fixture.CourseId
            ? []
            : Learners().Skip(from).Take(number).Select(l => (object)new Dictionary<string, object?>
            {
                ["id"] = Fixture.LearnerId(l),
                ["username"] = $"learner{Fixture.LearnerId(l)}",
                ["fullname"] = $"Learner {Fixture.LearnerId(l)}",
                ["email"] = $"learner{Fixture.LearnerId(l)}@school.example",
                ["idnumber"] = string.Empty,
                ["roles"] = new[] { new { roleid = 5, name = string.Empty, shortname = "student", sortorder = 0 } },
            }).ToList();
    }

    private IEnumerable<int> Learners() => Enumerable.Range(0, Fixture.LearnerCount);

    private static long Required(Dictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidParameterException($"Missing required key in single structure: {name}");

    private static List<long> ArrayOf(Dictionary<string, string> p, string name)
    {
        var values = new List<long>();
        for (var i = 0; p.TryGetValue($"{name}[{i}]", out var value); i++)
        {
            values.Add(long.TryParse(value, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new InvalidParameterException($"Invalid parameter value detected ({name}[{i}])"));
        }

        return values;
    }
}
