namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>
/// Moodle web services (REST protocol, JSON) with one site's token. Errors Moodle sends inside HTTP 200
/// bodies come back as <see cref="PlatformError"/> values with stable codes.
/// </summary>
public interface IMoodleClient
{
    /// <summary>The site root (Moodle's wwwroot).</summary>
    Uri SiteUrl { get; }

    /// <summary><c>core_webservice_get_site_info</c>: the token's user and the service's functions.</summary>
    Task<PlatformResult<MoodleSiteInfo>> GetSiteInfoAsync(CancellationToken cancellationToken);

    /// <summary><c>mod_assign_get_assignments</c> for the courses, with <c>includenotenrolledcourses=1</c>.</summary>
    Task<PlatformResult<MoodleAssignmentsResult>> GetAssignmentsAsync(IReadOnlyCollection<long> courseIds, CancellationToken cancellationToken);

    /// <summary><c>mod_assign_get_submissions</c>; with <paramref name="since"/>, only submissions modified since then.</summary>
    Task<PlatformResult<MoodleSubmissionsResult>> GetSubmissionsAsync(IReadOnlyCollection<long> assignmentIds, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary><c>mod_assign_get_grades</c>; grades come as strings, parsed by <see cref="MoodleGrade.Score"/>.</summary>
    Task<PlatformResult<MoodleGradesResult>> GetGradesAsync(IReadOnlyCollection<long> assignmentIds, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary><c>gradereport_user_get_grade_items</c> for one learner (page by user: whole-course calls are slow); null when Moodle returns none.</summary>
    Task<PlatformResult<MoodleUserGrades?>> GetGradeItemsAsync(long courseId, long userId, CancellationToken cancellationToken);

    /// <summary><c>core_grading_get_definitions</c> of the course modules' submission areas (rubric criteria and levels).</summary>
    Task<PlatformResult<MoodleGradingDefinitionsResult>> GetGradingDefinitionsAsync(IReadOnlyCollection<long> cmIds, CancellationToken cancellationToken);

    /// <summary><c>core_grading_get_gradingform_instances</c>: the levels given, per grade (needs the capability to manage grading forms).</summary>
    Task<PlatformResult<MoodleGradingInstancesResult>> GetGradingInstancesAsync(long definitionId, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary><c>core_competency_list_course_competencies</c>.</summary>
    Task<PlatformResult<IReadOnlyList<MoodleCourseCompetency>>> ListCourseCompetenciesAsync(long courseId, CancellationToken cancellationToken);

    /// <summary><c>report_competency_data_for_report</c>: one learner's competency ratings in the course.</summary>
    Task<PlatformResult<MoodleCompetencyReport>> GetCompetencyReportAsync(long courseId, long userId, CancellationToken cancellationToken);

    /// <summary><c>core_enrol_get_enrolled_users</c>, a page of users from <paramref name="limitFrom"/>.</summary>
    Task<PlatformResult<IReadOnlyList<MoodleEnrolledUser>>> GetEnrolledUsersAsync(long courseId, int limitFrom, int limitNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Downloads a submitted file (a <c>/webservice/pluginfile.php</c> URL of this site) with the token into
    /// <paramref name="destination"/>. A URL on another host is refused (the token is never sent elsewhere).
    /// </summary>
    Task<PlatformResult<MoodleFileDownload>> DownloadFileAsync(Uri fileUrl, Stream destination, CancellationToken cancellationToken);
}
