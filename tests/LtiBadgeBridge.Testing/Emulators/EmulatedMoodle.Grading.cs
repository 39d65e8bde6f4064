namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>Advanced grading (rubrics) and competencies of the emulated Moodle.</summary>
public sealed partial class EmulatedMoodle
{
    private object GradingDefinitions(Dictionary<string, string> p)
    {
        var areas = ArrayOf(p, "cmids").Where(cmid => cmid - 8001 >= 0 && cmid - 8001 < Fixture.AssignmentCount).Select(cmid =>
        {
            var a = (int)(cmid - 8001);
            return (object)new Dictionary<string, object?>
            {
                ["cmid"] = cmid,
                ["contextid"] = Fixture.ContextId(a),
                ["component"] = "mod_assign",
                ["areaname"] = p.GetValueOrDefault("areaname") ?? "submissions",
                ["activemethod"] = "rubric",
                ["definitions"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["id"] = Fixture.DefinitionId(a),
                        ["method"] = "rubric",
                        ["name"] = $"Lab {a + 1} rubric",
                        ["status"] = 20,
                        ["rubric"] = new Dictionary<string, object?>
                        {
                            ["rubric_criteria"] = Enumerable.Range(0, MoodleCourseFixture.CriteriaPerRubric).Select(c => new
                            {
                                id = Fixture.CriterionId(a, c),
                                sortorder = c + 1,
                                description = c == 0 ? "Correctness" : "Explanation",
                                descriptionformat = 1,
                                levels = Enumerable.Range(0, 3).Select(l => new
                                {
                                    id = Fixture.LevelId(a, c, l),
                                    score = (2 - l) * 25,
                                    definition = l switch { 0 => "Excellent", 1 => "Adequate", _ => "Insufficient" },
                                    definitionformat = 1,
                                }).ToList(),
                            }).ToList(),
                        },
                    },
                },
            };
        }).ToList();
        return new { areas, warnings = NoWarnings };
    }

    private object GradingInstances(Dictionary<string, string> p)
    {
        var a = Fixture.AssignmentIndexOfDefinition(Required(p, "definitionid"));
        if (!p.ContainsKey("since"))
        {
            throw new InvalidParameterException("Missing required key in single structure: since");
        }

        // Regrading archives the previous instance (status 3) and adds an active one (status 1): learner 2 was regraded.
        var instances = a < 0 || a >= Fixture.AssignmentCount ? [] : Learners().Where(Fixture.HasSubmitted).SelectMany(l =>
            l == 2 ? new[] { Instance(a, l, status: 3, levelShift: 1, idOffset: 500), Instance(a, l, status: 1, levelShift: 0, idOffset: 0) } : [Instance(a, l, status: 1, levelShift: 0, idOffset: 0)]).ToList();
        return new { instances, warnings = NoWarnings };
    }

    private object Instance(int a, int l, int status, int levelShift, int idOffset) => new Dictionary<string, object?>
    {
        ["id"] = 95_000 + (a * 1000) + l + idOffset,
        ["raterid"] = MoodleCourseFixture.ServiceUserId,
        ["itemid"] = Fixture.GradeId(l, a),
        ["rawgrade"] = Fixture.GradeString(l, a),
        ["status"] = status,
        ["feedback"] = string.Empty,
        ["feedbackformat"] = 1,
        ["timemodified"] = Fixture.TimeModified(l, a) + 86_400 - (idOffset * 60),
        ["rubric"] = new
        {
            criteria = Enumerable.Range(0, MoodleCourseFixture.CriteriaPerRubric).Select(c => new
            {
                id = 96_000 + (a * 1000) + (l * 10) + c + (idOffset * 100),
                criterionid = Fixture.CriterionId(a, c),
                levelid = Fixture.LevelId(a, c, (Fixture.LevelGiven(l, a, c) + levelShift) % 3),
                remark = string.Empty,
                remarkformat = 1,
            }).ToList(),
        },
    };

    private static Dictionary<string, object?> Competency(int c) => new()
    {
        ["id"] = MoodleCourseFixture.CompetencyIds[c],
        ["shortname"] = c == 0 ? "Deploys cloud workloads" : "Secures cloud resources",
        ["idnumber"] = c == 0 ? "CC.DEPLOY" : "CC.SECURE",
        ["description"] = string.Empty,
        ["descriptionformat"] = 1,
        ["competencyframeworkid"] = 40,
    };

    private List<object> CourseCompetencies(Dictionary<string, string> p)
    {
        var courseId = Required(p, "id");
        return courseId != Fixture.CourseId
            ? []
            : Enumerable.Range(0, MoodleCourseFixture.CompetencyIds.Length).Select(c => (object)new
            {
                competency = Competency(c),
                coursecompetency = new { id = 4100 + c, courseid = courseId, competencyid = MoodleCourseFixture.CompetencyIds[c], ruleoutcome = 1, sortorder = c },
            }).ToList();
    }

    private object CompetencyReport(Dictionary<string, string> p)
    {
        var courseId = Required(p, "courseid");
        var userId = Required(p, "userid");
        var learner = Fixture.LearnerIndex(userId);
        var usercompetencies = Enumerable.Range(0, MoodleCourseFixture.CompetencyIds.Length).Select(c =>
        {
            var grade = Fixture.CompetencyGrade(learner, c);
            return new
            {
                usercompetencycourse = new Dictionary<string, object?>
                {
                    ["id"] = 4200 + (learner * 10) + c,
                    ["userid"] = userId,
                    ["courseid"] = courseId,
                    ["competencyid"] = MoodleCourseFixture.CompetencyIds[c],
                    ["proficiency"] = grade is null ? null : grade >= 2,
                    ["grade"] = grade,
                    ["gradename"] = grade switch { null => "-", 1 => "Not yet competent", 2 => "Competent", _ => "Highly competent" },
                    ["proficiencyname"] = grade is null ? "-" : grade >= 2 ? "Yes" : "No",
                },
                competency = new { competency = Competency(c), framework = new { id = 40, shortname = "Cloud skills" } },
            };
        }).ToList();
        return new { courseid = courseId, user = new { id = userId }, usercompetencies, pushratingstouserplans = true };
    }
}
