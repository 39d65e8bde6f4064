using System.Globalization;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>The JSON shapes Canvas answers with, built from a <see cref="CanvasCourseFixture"/>.</summary>
internal sealed class CanvasPayloads
{
    private readonly CanvasCourseFixture fixture;
    private readonly Func<string> baseUrl;

    public CanvasPayloads(CanvasCourseFixture fixture, Func<string> baseUrl)
    {
        this.fixture = fixture;
        this.baseUrl = baseUrl;
    }

    public Dictionary<string, object?> Course(bool concluded) => new()
    {
        ["id"] = fixture.CourseId,
        ["name"] = "Big Data Foundations",
        ["course_code"] = "BD-101",
        ["workflow_state"] = concluded ? "completed" : "available",
        ["start_at"] = CanvasCourseFixture.CourseStart,
        ["end_at"] = CanvasCourseFixture.CourseStart.AddDays(63),
        ["concluded"] = concluded,
    };

    public Dictionary<string, object?> Assignment(int a)
    {
        var id = fixture.AssignmentId(a);
        var criteria = new List<object>();
        for (var c = 0; c < CanvasCourseFixture.CriteriaPerRubric; c++)
        {
            var points = fixture.CriterionPoints(a);
            criteria.Add(new Dictionary<string, object?>
            {
                ["id"] = CanvasCourseFixture.CriterionId(id, c),
                ["points"] = points,
                ["description"] = $"Criterion {c + 1}",
                ["long_description"] = $"What criterion {c + 1} of assignment {id} asks for",
                ["criterion_use_range"] = false,
                ["ratings"] = Enumerable.Range(0, 3).Select(r => new Dictionary<string, object?>
                {
                    ["id"] = CanvasCourseFixture.RatingId(id, c, r),
                    ["points"] = Math.Round(points * CanvasCourseFixture.RatingFraction(r), 2),
                    ["description"] = r switch { 0 => "Exemplary", 1 => "Proficient", _ => "Developing" },
                    ["long_description"] = string.Empty,
                }).ToList(),
            });
        }

        return new Dictionary<string, object?>
        {
            ["id"] = id,
            ["course_id"] = fixture.CourseId,
            ["name"] = fixture.IsCapstone(a) ? "Capstone project" : $"Assignment {a + 1}",
            ["points_possible"] = fixture.PointsPossible(a),
            ["due_at"] = fixture.DueAt(a),
            ["grading_type"] = "points",
            ["submission_types"] = new[] { fixture.SubmissionType(a) },
            ["published"] = true,
            ["workflow_state"] = "published",
            ["html_url"] = $"{baseUrl()}/courses/{fixture.CourseId}/assignments/{id}",
            ["rubric"] = criteria,
        };
    }

    public Dictionary<string, object?> Submission(int learner, int a, bool history, bool rubric)
    {
        var submission = Attempt(learner, a, fixture.Attempts(learner, a), rubric);
        if (history)
        {
            var attempts = fixture.Attempts(learner, a);
            submission["submission_history"] = attempts == 0
                ? new List<object> { Attempt(learner, a, 0, rubric) }
                : Enumerable.Range(1, attempts).Select(n => (object)Attempt(learner, a, n, rubric)).ToList();
        }

        return submission;
    }

    private Dictionary<string, object?> Attempt(int learner, int a, int attempt, bool rubric)
    {
        var assignmentId = fixture.AssignmentId(a);
        var userId = fixture.LearnerId(learner);
        var missing = fixture.IsMissing(learner, a);
        var final = attempt == fixture.Attempts(learner, a);
        var score = final ? fixture.Score(learner, a) : null;
        var submittedAt = fixture.SubmittedAt(learner, a)?.AddHours(final ? 0 : -24);
        var type = missing ? null : fixture.SubmissionType(a);
        var result = new Dictionary<string, object?>
        {
            ["id"] = (assignmentId * 100_000) + userId,
            ["assignment_id"] = assignmentId,
            ["user_id"] = userId,
            ["score"] = score,
            ["grade"] = score?.ToString(CultureInfo.InvariantCulture),
            ["excused"] = fixture.IsExcused(learner, a),
            ["late"] = fixture.IsLate(learner, a),
            ["missing"] = missing,
            ["workflow_state"] = missing ? "unsubmitted" : score is null ? "submitted" : "graded",
            ["submitted_at"] = submittedAt,
            ["graded_at"] = score is null ? null : submittedAt?.AddDays(2),
            ["attempt"] = missing ? null : attempt,
            ["submission_type"] = type,
            ["url"] = type == "online_url" ? fixture.CapstoneUrl(learner) : null,
            ["body"] = type == "online_text_entry" ? $"<p>Answer of learner {userId} to assignment {assignmentId}, attempt {attempt}</p>" : null,
        };

        if (type == "online_upload")
        {
            var fileId = (assignmentId * 1_000) + userId + (attempt * 7);
            result["attachments"] = new List<object>
            {
                new Dictionary<string, object?>
                {
                    ["id"] = fileId,
                    ["display_name"] = $"report-{assignmentId}-{userId}.pdf",
                    ["filename"] = $"report-{assignmentId}-{userId}.pdf",
                    ["content-type"] = "application/pdf",
                    ["size"] = 20_000 + (learner * 10) + a,
                    ["url"] = $"{baseUrl()}/files/{fileId}/download?download_frd=1&verifier=v{fileId}",
                    ["created_at"] = submittedAt,
                },
            };
        }

        if (rubric && score is not null)
        {
            var assessment = new Dictionary<string, object?>();
            for (var c = 0; c < CanvasCourseFixture.CriteriaPerRubric; c++)
            {
                var rating = fixture.RatingIndex(learner, a, c);
                assessment[CanvasCourseFixture.CriterionId(assignmentId, c)] = new Dictionary<string, object?>
                {
                    ["points"] = Math.Round(fixture.CriterionPoints(a) * CanvasCourseFixture.RatingFraction(rating), 2),
                    ["rating_id"] = CanvasCourseFixture.RatingId(assignmentId, c, rating),
                    ["comments"] = string.Empty,
                };
            }

            result["rubric_assessment"] = assessment;
        }

        return result;
    }

    public Dictionary<string, object?> Enrollment(int learner)
    {
        var userId = fixture.LearnerId(learner);
        return new Dictionary<string, object?>
        {
            ["id"] = 9001 + learner,
            ["user_id"] = userId,
            ["course_id"] = fixture.CourseId,
            ["type"] = "StudentEnrollment",
            ["enrollment_state"] = "active",
            ["grades"] = new Dictionary<string, object?>
            {
                ["html_url"] = $"{baseUrl()}/courses/{fixture.CourseId}/grades/{userId}",
                ["current_score"] = fixture.CurrentScore(learner),
                ["final_score"] = fixture.FinalScore(learner),
                ["current_grade"] = null,
                ["final_grade"] = null,
            },
            ["user"] = new Dictionary<string, object?>
            {
                ["id"] = userId,
                ["name"] = $"Learner {userId}",
                ["sortable_name"] = $"{userId}, Learner",
                ["sis_user_id"] = fixture.SisUserId(learner),
            },
        };
    }

    public Dictionary<string, object?> OutcomeResult(int learner, int outcome)
    {
        var score = fixture.OutcomeScore(learner, outcome);
        return new Dictionary<string, object?>
        {
            ["id"] = 50_000 + (learner * 10) + outcome,
            ["score"] = score,
            ["possible"] = 4,
            ["mastery"] = score >= 3,
            ["percent"] = Math.Round(score / 4m, 2),
            ["submitted_or_assessed_at"] = fixture.DueAt(outcome),
            ["links"] = new Dictionary<string, object?>
            {
                ["user"] = fixture.LearnerId(learner).ToString(CultureInfo.InvariantCulture),
                ["learning_outcome"] = CanvasCourseFixture.OutcomeIds[outcome].ToString(CultureInfo.InvariantCulture),
                ["alignment"] = $"assignment_{fixture.AssignmentId(outcome % fixture.AssignmentCount)}",
            },
        };
    }

    public Dictionary<string, object?> Linked() => new()
    {
        ["outcomes"] = CanvasCourseFixture.OutcomeIds.Select((id, o) => new Dictionary<string, object?>
        {
            ["id"] = id,
            ["title"] = o == 0 ? "Designs data pipelines" : "Evaluates data quality",
            ["display_name"] = o == 0 ? "Pipelines" : "Quality",
            ["mastery_points"] = 3,
            ["points_possible"] = 4,
            ["calculation_method"] = "highest",
        }).ToList(),
        ["alignments"] = CanvasCourseFixture.OutcomeIds.Select((_, o) => new Dictionary<string, object?>
        {
            ["id"] = $"assignment_{fixture.AssignmentId(o % fixture.AssignmentCount)}",
            ["name"] = $"Assignment {(o % fixture.AssignmentCount) + 1}",
            ["html_url"] = $"{baseUrl()}/courses/{fixture.CourseId}/assignments/{fixture.AssignmentId(o % fixture.AssignmentCount)}",
        }).ToList(),
    };
}
