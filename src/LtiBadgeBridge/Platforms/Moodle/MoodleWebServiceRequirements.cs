namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>
/// What the Moodle external service and its user need, defined once: the web service functions the
/// token's service must include and the capabilities the service user must hold (docs/moodle-setup.md
/// lists the same).
/// </summary>
public static class MoodleWebServiceRequirements
{
    public const string GetSiteInfo = "core_webservice_get_site_info";
    public const string GetAssignments = "mod_assign_get_assignments";
    public const string GetSubmissions = "mod_assign_get_submissions";
    public const string GetGrades = "mod_assign_get_grades";
    public const string GetGradeItems = "gradereport_user_get_grade_items";
    public const string GetGradingDefinitions = "core_grading_get_definitions";
    public const string GetGradingFormInstances = "core_grading_get_gradingform_instances";
    public const string ListCourseCompetencies = "core_competency_list_course_competencies";
    public const string CompetencyReport = "report_competency_data_for_report";
    public const string GetEnrolledUsers = "core_enrol_get_enrolled_users";

    public const string CapabilityUseRest = "webservice/rest:use";
    public const string CapabilityViewCourse = "moodle/course:view";
    public const string CapabilityViewParticipants = "moodle/course:viewparticipants";
    public const string CapabilityViewUserDetails = "moodle/user:viewdetails";
    public const string CapabilityViewAllUserDetails = "moodle/user:viewalldetails";
    public const string CapabilityAccessAllGroups = "moodle/site:accessallgroups";
    public const string CapabilityAssignView = "mod/assign:view";
    public const string CapabilityAssignGrade = "mod/assign:grade";
    public const string CapabilityGradeViewAll = "moodle/grade:viewall";
    public const string CapabilityUserGradeReport = "gradereport/user:view";
    public const string CapabilityManageGradingForms = "moodle/grade:managegradingforms";
    public const string CapabilityCourseCompetencyView = "moodle/competency:coursecompetencyview";
    public const string CapabilityUserCompetencyView = "moodle/competency:usercompetencyview";
    public const string CapabilityProgressView = "report/progress:view";

    /// <summary>Every function the external service must include.</summary>
    public static IReadOnlyList<string> RequiredFunctions { get; } =
    [
        GetSiteInfo,
        GetAssignments,
        GetSubmissions,
        GetGrades,
        GetGradeItems,
        GetGradingDefinitions,
        GetGradingFormInstances,
        ListCourseCompetencies,
        CompetencyReport,
        GetEnrolledUsers,
    ];

    /// <summary>Every capability the service user needs (in the courses, or system-wide), with the reason.</summary>
    public static IReadOnlyList<MoodleCapabilityRequirement> RequiredCapabilities { get; } =
    [
        new(CapabilityUseRest, "call web services over the REST protocol"),
        new(CapabilityViewCourse, "read courses the service user is not enrolled in (mod_assign_get_assignments with includenotenrolledcourses)"),
        new(CapabilityViewParticipants, "list the course's participants (core_enrol_get_enrolled_users)"),
        new(CapabilityViewUserDetails, "read participants' names and ids"),
        new(CapabilityViewAllUserDetails, "read participants' details in every course"),
        new(CapabilityAccessAllGroups, "see learners in every group, not only the service user's"),
        new(CapabilityAssignView, "see assignments"),
        new(CapabilityAssignGrade, "read every learner's submissions, files and grades"),
        new(CapabilityGradeViewAll, "read every learner's grades and course total"),
        new(CapabilityUserGradeReport, "read the user grade report (gradereport_user_get_grade_items)"),
        new(CapabilityManageGradingForms, "read rubric levels given (core_grading_get_gradingform_instances)"),
        new(CapabilityCourseCompetencyView, "list the course's competencies"),
        new(CapabilityUserCompetencyView, "read learners' competency ratings"),
        new(CapabilityProgressView, "read activity completion"),
    ];

    /// <summary>The functions of <see cref="RequiredFunctions"/> missing from <paramref name="available"/>.</summary>
    public static IReadOnlyList<string> MissingFunctions(IEnumerable<string> available)
    {
        var set = new HashSet<string>(available, StringComparer.Ordinal);
        return RequiredFunctions.Where(f => !set.Contains(f)).ToList();
    }
}
