using System.Globalization;
using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>The JSON bodies of the Canvas REST routes, with Canvas's field names.</summary>
internal static partial class DemoCanvasEndpoints
{
    private static Dictionary<string, object?> CourseJson(DemoLms lms)
    {
        var course = lms.Course;
        return new()
        {
            ["id"] = PilotCourse.CourseId,
            ["name"] = course.Name,
            ["course_code"] = course.CourseCode,
            ["workflow_state"] = "available",
            ["account_id"] = 1,
            ["uuid"] = course.ContextId[..40],
            ["start_at"] = course.StartAt,
            ["end_at"] = course.EndAt,
            ["concluded"] = false,
            ["enrollment_term_id"] = 1,
            ["default_view"] = "modules",
            ["time_zone"] = "America/Toronto",
            ["is_public"] = false,
            ["html_url"] = lms.Options.At($"/courses/{PilotCourse.CourseId}").AbsoluteUri,
        };
    }

    private static Dictionary<string, object?> AssignmentJson(DemoLms lms, PilotAssignment assignment)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = assignment.Id,
            ["course_id"] = PilotCourse.CourseId,
            ["name"] = assignment.Name,
            ["description"] = $"<p>{System.Net.WebUtility.HtmlEncode(assignment.Name)}</p>",
            ["points_possible"] = assignment.PointsPossible,
            ["due_at"] = assignment.DueAt,
            ["lock_at"] = null,
            ["unlock_at"] = null,
            ["grading_type"] = "points",
            ["submission_types"] = assignment.SubmissionTypes,
            ["published"] = true,
            ["workflow_state"] = "published",
            ["omit_from_final_grade"] = false,
            ["group_category_id"] = null,
            ["grade_group_students_individually"] = false,
            ["has_submitted_submissions"] = true,
            ["html_url"] = lms.Options.At($"/courses/{PilotCourse.CourseId}/assignments/{assignment.Id}").AbsoluteUri,
        };
        if (assignment.RubricId is { } rubricId)
        {
            var rubric = lms.Course.Rubric;
            json["use_rubric_for_grading"] = false;
            json["rubric_settings"] = new Dictionary<string, object?>
            {
                ["id"] = rubricId,
                ["title"] = "Capstone workshop rubric",
                ["points_possible"] = rubric.Sum(c => c.Ratings.Max(r => r.Points)),
                ["free_form_criterion_comments"] = false,
                ["hide_score_total"] = false,
                ["hide_points"] = false,
            };
            json["rubric"] = rubric.Select(c => new Dictionary<string, object?>
            {
                ["id"] = c.Id,
                ["points"] = c.Ratings.Max(r => r.Points),
                ["description"] = c.Description,
                ["long_description"] = c.LongDescription,
                ["outcome_id"] = c.OutcomeId,
                ["criterion_use_range"] = false,
                ["ratings"] = c.Ratings.Select(r => new Dictionary<string, object?>
                {
                    ["id"] = r.Id,
                    ["points"] = r.Points,
                    ["description"] = r.Description,
                    ["long_description"] = "",
                }).ToList(),
            }).ToList();
        }

        return json;
    }

    private static Dictionary<string, object?> SubmissionJson(DemoLms lms, PilotSubmission submission, IReadOnlySet<string> includes)
    {
        var json = SubmissionCore(lms, submission);
        if (includes.Contains("rubric_assessment") && submission.Rubric is { } assessment)
        {
            json["rubric_assessment"] = lms.Course.Rubric.ToDictionary(
                c => c.Id,
                c => (object?)new Dictionary<string, object?>
                {
                    ["points"] = assessment[c.Id],
                    ["rating_id"] = c.RatingAt(assessment[c.Id]).Id,
                    ["comments"] = "",
                },
                StringComparer.Ordinal);
        }

        if (includes.Contains("submission_history"))
        {
            json["submission_history"] = submission.EarlierAttempts.Append(submission)
                .Where(s => s.SubmittedAt is not null || s == submission)
                .Select(s => SubmissionCore(lms, s))
                .ToList();
        }

        return json;
    }

    private static Dictionary<string, object?> SubmissionCore(DemoLms lms, PilotSubmission submission)
    {
        var assignment = lms.Course.Assignment(submission.AssignmentId);
        var secondsLate = submission.Late && submission.SubmittedAt is { } at ? (long)(at - assignment.DueAt).TotalSeconds : 0;
        return new()
        {
            ["id"] = submission.Id,
            ["assignment_id"] = submission.AssignmentId,
            ["user_id"] = submission.UserId,
            ["score"] = submission.Score,
            ["grade"] = submission.Excused ? null : submission.Score?.ToString("0.##", CultureInfo.InvariantCulture),
            ["entered_score"] = submission.Score,
            ["entered_grade"] = submission.Score?.ToString("0.##", CultureInfo.InvariantCulture),
            ["excused"] = submission.Excused,
            ["late"] = submission.Late,
            ["missing"] = submission.Missing,
            ["late_policy_status"] = submission.Missing ? "missing" : null,
            ["seconds_late"] = secondsLate,
            ["workflow_state"] = submission.WorkflowState,
            ["submitted_at"] = submission.SubmittedAt,
            ["graded_at"] = submission.GradedAt,
            ["posted_at"] = submission.GradedAt,
            ["grade_matches_current_submission"] = true,
            ["attempt"] = submission.SubmittedAt is null ? null : submission.Attempt,
            ["submission_type"] = submission.SubmissionType,
            ["url"] = submission.Url,
            ["body"] = submission.Body,
            ["attachments"] = submission.AttachmentName is { } name
                ? new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["id"] = 800_000 + submission.Id,
                        ["display_name"] = name,
                        ["filename"] = name,
                        ["content-type"] = "application/pdf",
                        ["size"] = 48_000 + (submission.Id % 97 * 1_000),
                        ["url"] = lms.Options.At($"/files/{800_000 + submission.Id}/download?download_frd=1").AbsoluteUri,
                        ["created_at"] = submission.SubmittedAt,
                    },
                }
                : null,
            ["preview_url"] = lms.Options.At($"/courses/{PilotCourse.CourseId}/assignments/{submission.AssignmentId}/submissions/{submission.UserId}?preview=1").AbsoluteUri,
        };
    }

    private static List<Dictionary<string, object?>> CourseSubmissions(HttpContext http, DemoLms lms)
    {
        var query = http.Request.Query;
        var students = query["student_ids[]"].Select(v => v ?? "").ToList();
        var everyone = students.Count == 0 || students.Contains("all", StringComparer.Ordinal);
        var wanted = students.Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).ToHashSet();
        var submittedSince = ReadTime(query["submitted_since"]);
        var gradedSince = ReadTime(query["graded_since"]);
        var includes = Includes(http);
        return lms.Course.Submissions
            .Where(s => everyone || wanted.Contains(s.UserId))
            .Where(s => submittedSince is null || s.SubmittedAt >= submittedSince)
            .Where(s => gradedSince is null || s.GradedAt >= gradedSince)
            .Select(s => SubmissionJson(lms, s, includes))
            .ToList();
    }

    private static List<Dictionary<string, object?>> Enrollments(HttpContext http, DemoLms lms)
    {
        var query = http.Request.Query;
        var types = query["type[]"].Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
        var states = query["state[]"].Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
        var course = lms.Course;
        var people = course.Learners.Select(p => (Person: p, Type: "StudentEnrollment"))
            .Append((Person: course.Instructor, Type: "TeacherEnrollment"));
        return people
            .Where(p => types.Count == 0 || types.Contains(p.Type))
            .Where(p => states.Count == 0 ? p.Person.EnrollmentState == "active" : states.Contains(p.Person.EnrollmentState))
            .Select(p =>
            {
                var isStudent = p.Type == "StudentEnrollment";
                var current = isStudent ? course.CurrentScore(p.Person.UserId) : null;
                var final = isStudent ? course.FinalScore(p.Person.UserId) : (decimal?)null;
                return new Dictionary<string, object?>
                {
                    ["id"] = p.Person.EnrollmentId,
                    ["user_id"] = p.Person.UserId,
                    ["course_id"] = PilotCourse.CourseId,
                    ["course_section_id"] = 2101,
                    ["type"] = p.Type,
                    ["role"] = p.Type,
                    ["enrollment_state"] = p.Person.EnrollmentState,
                    ["created_at"] = course.StartAt.AddDays(-14),
                    ["last_activity_at"] = course.EndAt.AddDays(-2),
                    ["html_url"] = lms.Options.At($"/courses/{PilotCourse.CourseId}/users/{p.Person.UserId}").AbsoluteUri,
                    ["grades"] = isStudent
                        ? new Dictionary<string, object?>
                        {
                            ["html_url"] = lms.Options.At($"/courses/{PilotCourse.CourseId}/grades/{p.Person.UserId}").AbsoluteUri,
                            ["current_score"] = current,
                            ["final_score"] = final,
                            ["current_grade"] = PilotCourse.Letter(current),
                            ["final_grade"] = PilotCourse.Letter(final),
                        }
                        : null,
                    ["user"] = new Dictionary<string, object?>
                    {
                        ["id"] = p.Person.UserId,
                        ["name"] = p.Person.Name,
                        ["sortable_name"] = p.Person.SortableName,
                        ["short_name"] = p.Person.Name,
                        ["login_id"] = p.Person.Email,
                    },
                };
            })
            .ToList();
    }

    private static IResult OutcomeResults(HttpContext http, DemoLms lms)
    {
        var course = lms.Course;
        var criterion = course.Rubric.Single(c => c.OutcomeId == PilotCourse.ArchitectureOutcomeId);
        var results = course.Submissions
            .Where(s => s.AssignmentId == PilotCourse.CapstoneAssignmentId && s.Rubric is not null)
            .Select(s => new Dictionary<string, object?>
            {
                ["id"] = 600_000 + s.Id,
                ["score"] = s.Rubric![criterion.Id],
                ["possible"] = 4,
                ["mastery"] = s.Rubric[criterion.Id] >= 3,
                ["percent"] = Math.Round(s.Rubric[criterion.Id] / 4m, 2),
                ["submitted_or_assessed_at"] = s.GradedAt,
                ["hidden"] = false,
                ["links"] = new Dictionary<string, object?>
                {
                    ["user"] = s.UserId.ToString(CultureInfo.InvariantCulture),
                    ["learning_outcome"] = PilotCourse.ArchitectureOutcomeId.ToString(CultureInfo.InvariantCulture),
                    ["alignment"] = "assignment_" + PilotCourse.CapstoneAssignmentId.ToString(CultureInfo.InvariantCulture),
                },
            })
            .ToList();
        var (page, perPage) = DemoPaging.Read(http);
        DemoPaging.AddLinkHeader(http, lms, page, perPage, results.Count);
        var includes = Includes(http);
        var body = new Dictionary<string, object?>
        {
            ["outcome_results"] = results.Skip((page - 1) * perPage).Take(perPage).ToList(),
            ["linked"] = new Dictionary<string, object?>
            {
                ["outcomes"] = includes.Contains("outcomes")
                    ? new[]
                    {
                        new Dictionary<string, object?>
                        {
                            ["id"] = PilotCourse.ArchitectureOutcomeId,
                            ["title"] = "Solution architecture",
                            ["display_name"] = "SFIA ARCH",
                            ["description"] = "<p>Designs and communicates a cloud solution architecture.</p>",
                            ["mastery_points"] = 3,
                            ["points_possible"] = 4,
                            ["calculation_method"] = "highest",
                        },
                    }
                    : null,
                ["alignments"] = includes.Contains("alignments")
                    ? new[]
                    {
                        new Dictionary<string, object?>
                        {
                            ["id"] = "assignment_" + PilotCourse.CapstoneAssignmentId.ToString(CultureInfo.InvariantCulture),
                            ["name"] = course.Capstone.Name,
                            ["html_url"] = lms.Options.At($"/courses/{PilotCourse.CourseId}/assignments/{PilotCourse.CapstoneAssignmentId}").AbsoluteUri,
                        },
                    }
                    : null,
            },
        };
        return Results.Json(body, Json);
    }

    private static DateTimeOffset? ReadTime(Microsoft.Extensions.Primitives.StringValues value) =>
        DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
