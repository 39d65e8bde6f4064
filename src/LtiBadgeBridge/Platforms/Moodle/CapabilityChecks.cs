using static LtiBadgeBridge.Platforms.Moodle.MoodleWebServiceRequirements;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>The token probe's cheap calls against a sample course, each mapped to the capabilities it needs.</summary>
internal sealed class CapabilityChecks
{
    private readonly IMoodleClient client;
    private readonly HashSet<string> available;
    private readonly long courseId;
    private readonly List<MoodleProbeFinding> findings;
    private readonly List<string> missingCapabilities;

    public CapabilityChecks(IMoodleClient client, HashSet<string> available, long courseId, List<MoodleProbeFinding> findings, List<string> missingCapabilities)
    {
        this.client = client;
        this.available = available;
        this.courseId = courseId;
        this.findings = findings;
        this.missingCapabilities = missingCapabilities;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        long? learnerId = null;
        if (available.Contains(GetEnrolledUsers))
        {
            var users = await client.GetEnrolledUsersAsync(courseId, 0, 1, cancellationToken);
            if (Check(users, GetEnrolledUsers, CapabilityViewParticipants, CapabilityViewUserDetails, CapabilityViewAllUserDetails))
            {
                learnerId = users.Value.Count > 0 ? users.Value[0].Id : null;
            }
        }

        MoodleAssignment? assignment = null;
        if (available.Contains(GetAssignments))
        {
            var assignments = await client.GetAssignmentsAsync([courseId], cancellationToken);
            if (Check(assignments, GetAssignments, CapabilityViewCourse, CapabilityAssignView))
            {
                var course = assignments.Value.Courses.FirstOrDefault(c => c.Id == courseId);
                if (course is null)
                {
                    Missing(GetAssignments,
                        "Moodle returned no assignments for the sample course: the service user cannot see it. " +
                        "Give it moodle/course:view (or enrol it) and mod/assign:view.",
                        CapabilityViewCourse, CapabilityAssignView);
                }

                assignment = course is { Assignments.Count: > 0 } ? course.Assignments[0] : null;
            }
        }

        if (assignment is not null)
        {
            if (available.Contains(GetSubmissions))
            {
                Check(await client.GetSubmissionsAsync([assignment.Id], null, cancellationToken), GetSubmissions, CapabilityAssignGrade);
            }

            if (available.Contains(GetGrades))
            {
                Check(await client.GetGradesAsync([assignment.Id], null, cancellationToken), GetGrades, CapabilityAssignGrade);
            }

            if (available.Contains(GetGradingDefinitions))
            {
                Check(await client.GetGradingDefinitionsAsync([assignment.Cmid], cancellationToken), GetGradingDefinitions, CapabilityManageGradingForms);
            }
        }

        if (available.Contains(ListCourseCompetencies))
        {
            Check(await client.ListCourseCompetenciesAsync(courseId, cancellationToken), ListCourseCompetencies, CapabilityCourseCompetencyView);
        }

        if (learnerId is { } userId)
        {
            if (available.Contains(GetGradeItems))
            {
                Check(await client.GetGradeItemsAsync(courseId, userId, cancellationToken), GetGradeItems, CapabilityGradeViewAll, CapabilityUserGradeReport);
            }

            if (available.Contains(CompetencyReport))
            {
                Check(await client.GetCompetencyReportAsync(courseId, userId, cancellationToken), CompetencyReport, CapabilityUserCompetencyView);
            }
        }
    }

    /// <summary>True when the call worked; otherwise records a finding naming the capabilities it needs.</summary>
    private bool Check<T>(PlatformResult<T> result, string function, params string[] capabilities)
    {
        if (result.IsSuccess)
        {
            return true;
        }

        var error = result.Error;
        switch (error.Kind)
        {
            case PlatformErrorKind.NotAuthorized:
                Missing(function,
                    $"{function} was refused on the sample course; the service user seems to lack {string.Join(" or ", capabilities)}. Moodle said: {error.Message}",
                    capabilities);
                break;
            case PlatformErrorKind.FunctionUnavailable:
                findings.Add(new MoodleProbeFinding
                {
                    Code = "function_missing",
                    Severity = MoodleProbeSeverity.Error,
                    Function = function,
                    Message = $"Moodle refused {function}: add it to the external service.",
                });
                break;
            default:
                findings.Add(new MoodleProbeFinding
                {
                    Code = "probe_failed",
                    Severity = MoodleProbeSeverity.Warning,
                    Function = function,
                    Message = $"{function} failed on the sample course ({error.Code}): {error.Message}",
                });
                break;
        }

        return false;
    }

    private void Missing(string function, string message, params string[] capabilities)
    {
        missingCapabilities.AddRange(capabilities);
        findings.Add(new MoodleProbeFinding
        {
            Code = "capability_missing",
            Severity = MoodleProbeSeverity.Error,
            Function = function,
            Capabilities = capabilities,
            Message = message,
        });
    }
}
