using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Web.Demo.Moodle;

/// <summary>Advanced grading (the capstone's rubric definition and the levels given) and competencies (the course
/// competency and each learner's rating) of the emulated Moodle.</summary>
internal sealed partial class DemoMoodleFunctions
{
    private JsonObject GradingDefinitions()
    {
        var areas = new JsonArray();
        foreach (var cmid in ArrayOf("cmids"))
        {
            if (Data.AssignmentByCmid(cmid) is not { } assignment)
            {
                continue;
            }

            var hasRubric = assignment.RubricId is not null;
            var area = new JsonObject
            {
                ["cmid"] = cmid,
                ["contextid"] = Data.ContextIdOf(assignment),
                ["component"] = "mod_assign",
                ["areaname"] = "submissions",
                ["activemethod"] = hasRubric ? "rubric" : null,
                ["definitions"] = new JsonArray(),
            };
            if (hasRubric)
            {
                ((JsonArray)area["definitions"]!).Add(new JsonObject
                {
                    ["id"] = DemoMoodleCourse.RubricDefinitionId,
                    ["method"] = "rubric",
                    ["name"] = assignment.Name + " rubric",
                    ["description"] = "",
                    ["descriptionformat"] = 1,
                    ["status"] = 20,
                    ["copiedfromid"] = null,
                    ["timecreated"] = Course.StartAt.ToUnixTimeSeconds(),
                    ["usercreated"] = Course.Instructor.UserId,
                    ["timemodified"] = Course.StartAt.ToUnixTimeSeconds(),
                    ["usermodified"] = Course.Instructor.UserId,
                    ["timecopied"] = 0,
                    ["rubric"] = new JsonObject
                    {
                        ["rubric_criteria"] = new JsonArray([.. Course.Rubric.Select((c, i) => (JsonNode)new JsonObject
                        {
                            ["id"] = DemoMoodleCourse.CriterionId(i),
                            ["sortorder"] = i + 1,
                            ["description"] = c.Description,
                            ["descriptionformat"] = 1,
                            ["levels"] = new JsonArray([.. c.Ratings.OrderBy(r => r.Points).Select(r => (JsonNode)new JsonObject
                            {
                                ["id"] = DemoMoodleCourse.LevelId(i, r.Points),
                                ["score"] = r.Points,
                                ["definition"] = r.Description,
                                ["definitionformat"] = 1,
                            })]),
                        })]),
                    },
                });
            }

            areas.Add(area);
        }

        return new JsonObject { ["areas"] = areas, ["warnings"] = NoWarnings.DeepClone() };
    }

    private JsonObject GradingInstances()
    {
        var definitionId = Required("definitionid");
        if (!p.ContainsKey("since"))
        {
            throw new InvalidParameterException("Missing required key in single structure: since");
        }

        var since = Since();
        var instances = new JsonArray();
        if (definitionId == DemoMoodleCourse.RubricDefinitionId)
        {
            foreach (var s in Course.Submissions.Where(s => s.AssignmentId == PilotCourse.CapstoneAssignmentId && s.Rubric is not null && s.Score is not null
                && IsLearner(s.UserId) && GradedAt(s) >= since))
            {
                instances.Add(new JsonObject
                {
                    ["id"] = 80_000 + DemoMoodleCourse.GradeId(s),
                    ["raterid"] = Course.Instructor.UserId,
                    ["itemid"] = DemoMoodleCourse.GradeId(s),
                    ["rawgrade"] = s.Score!.Value.ToString("F5", CultureInfo.InvariantCulture),
                    ["status"] = 1,
                    ["feedback"] = "",
                    ["feedbackformat"] = 1,
                    ["timemodified"] = GradedAt(s),
                    ["rubric"] = new JsonObject
                    {
                        ["criteria"] = new JsonArray([.. Course.Rubric.Select((c, i) => (c, i)).Where(x => s.Rubric!.ContainsKey(x.c.Id)).Select(x => (JsonNode)new JsonObject
                        {
                            ["id"] = (DemoMoodleCourse.GradeId(s) * 10) + x.i,
                            ["criterionid"] = DemoMoodleCourse.CriterionId(x.i),
                            ["levelid"] = DemoMoodleCourse.LevelId(x.i, s.Rubric![x.c.Id]),
                            ["remark"] = "",
                            ["remarkformat"] = 1,
                        })]),
                    },
                });
            }
        }

        return new JsonObject { ["instances"] = instances, ["warnings"] = NoWarnings.DeepClone() };
    }

    private JsonObject Competency() => new()
    {
        ["id"] = DemoMoodleCourse.CompetencyId,
        ["shortname"] = "Solution architecture",
        ["idnumber"] = DemoMoodleCourse.CompetencyIdNumber,
        ["description"] = Data.ArchitectureCriterion.LongDescription,
        ["descriptionformat"] = 1,
        ["sortorder"] = 0,
        ["parentid"] = 0,
        ["path"] = "/0/",
        ["ruleoutcome"] = 0,
        ["competencyframeworkid"] = DemoMoodleCourse.CompetencyFrameworkId,
    };

    private JsonArray CourseCompetencies() =>
        Required("id") != DemoMoodle.CourseId
            ? []
            : [new JsonObject
            {
                ["competency"] = Competency(),
                ["coursecompetency"] = new JsonObject
                {
                    ["id"] = 1,
                    ["courseid"] = DemoMoodle.CourseId,
                    ["competencyid"] = DemoMoodleCourse.CompetencyId,
                    ["ruleoutcome"] = 1,
                    ["sortorder"] = 0,
                },
                ["comppath"] = new JsonObject(),
                ["ruleoutcomeoptions"] = new JsonArray(),
            }];

    private JsonObject CompetencyReport()
    {
        var courseId = Required("courseid");
        var userId = Required("userid");
        var grade = IsLearner(userId) ? Data.CompetencyGrade(userId) : null;
        var scale = Data.CompetencyScale;
        return new JsonObject
        {
            ["courseid"] = courseId,
            ["user"] = new JsonObject { ["id"] = userId, ["fullname"] = Course.FindByUserId(userId)?.Name ?? "" },
            ["usercompetencies"] = new JsonArray(new JsonObject
            {
                ["usercompetencycourse"] = new JsonObject
                {
                    ["id"] = 500 + userId,
                    ["userid"] = userId,
                    ["courseid"] = courseId,
                    ["competencyid"] = DemoMoodleCourse.CompetencyId,
                    ["proficiency"] = grade is null ? null : grade >= 3,
                    ["grade"] = grade,
                    ["gradename"] = grade is { } g ? scale[g - 1].Description : "-",
                    ["proficiencyname"] = grade is null ? "-" : grade >= 3 ? "Yes" : "No",
                },
                ["competency"] = new JsonObject
                {
                    ["competency"] = Competency(),
                    ["framework"] = new JsonObject { ["id"] = DemoMoodleCourse.CompetencyFrameworkId, ["shortname"] = "SFIA 8", ["idnumber"] = "SFIA8" },
                },
            }),
            ["pushratingstouserplans"] = true,
        };
    }
}
