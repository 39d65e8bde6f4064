namespace LtiBadgeBridge.Lti;

/// <summary>Claim names, message types, roles and scopes of LTI 1.3 and LTI Advantage, defined once.</summary>
public static class LtiConstants
{
    public const string LtiVersion = "1.3.0";

    /// <summary>Claim names in an LTI id_token or tool-issued message.</summary>
    public static class Claims
    {
        private const string Lti = "https://purl.imsglobal.org/spec/lti/claim/";
        private const string DeepLinking = "https://purl.imsglobal.org/spec/lti-dl/claim/";

        public const string MessageType = Lti + "message_type";
        public const string Version = Lti + "version";
        public const string DeploymentId = Lti + "deployment_id";
        public const string TargetLinkUri = Lti + "target_link_uri";
        public const string ResourceLink = Lti + "resource_link";
        public const string Context = Lti + "context";
        public const string Roles = Lti + "roles";
        public const string RoleScopeMentor = Lti + "role_scope_mentor";
        public const string ToolPlatform = Lti + "tool_platform";
        public const string LaunchPresentation = Lti + "launch_presentation";
        public const string Lis = Lti + "lis";
        public const string Custom = Lti + "custom";
        public const string Lti11LegacyUserId = Lti + "lti11_legacy_user_id";
        public const string Lti1p1 = Lti + "lti1p1";

        public const string AgsEndpoint = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
        public const string NamesRoleService = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

        public const string DeepLinkingSettings = DeepLinking + "deep_linking_settings";
        public const string ContentItems = DeepLinking + "content_items";
        public const string Data = DeepLinking + "data";
        public const string Msg = DeepLinking + "msg";
        public const string Log = DeepLinking + "log";
        public const string ErrorMsg = DeepLinking + "errormsg";
        public const string ErrorLog = DeepLinking + "errorlog";

        /// <summary>Canvas: the placement the tool was launched from (e.g. <c>course_navigation</c>).</summary>
        public const string CanvasPlacement = "https://www.instructure.com/placement";
    }

    /// <summary>Values of the <c>message_type</c> claim.</summary>
    public static class MessageTypes
    {
        public const string ResourceLinkRequest = "LtiResourceLinkRequest";
        public const string DeepLinkingRequest = "LtiDeepLinkingRequest";
        public const string DeepLinkingResponse = "LtiDeepLinkingResponse";
    }

    /// <summary>Role URIs (LIS vocabulary) the tool reasons about.</summary>
    public static class Roles
    {
        public const string MembershipPrefix = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
        public const string MembershipSubRolePrefix = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
        public const string InstitutionPrefix = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
        public const string SystemPrefix = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

        public const string Instructor = MembershipPrefix + "Instructor";
        public const string Learner = MembershipPrefix + "Learner";
        public const string Administrator = MembershipPrefix + "Administrator";
        public const string ContentDeveloper = MembershipPrefix + "ContentDeveloper";
        public const string Mentor = MembershipPrefix + "Mentor";
        public const string TeachingAssistant = MembershipSubRolePrefix + "Instructor#TeachingAssistant";
        public const string InstitutionAdministrator = InstitutionPrefix + "Administrator";
        public const string InstitutionInstructor = InstitutionPrefix + "Instructor";
        public const string InstitutionStudent = InstitutionPrefix + "Student";
        public const string SystemAdministrator = SystemPrefix + "Administrator";
        public const string SystemSysAdmin = SystemPrefix + "SysAdmin";
    }

    /// <summary>OAuth 2 scopes of the LTI Advantage services.</summary>
    public static class Scopes
    {
        public const string LineItem = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
        public const string LineItemReadOnly = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
        public const string ResultReadOnly = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
        public const string Score = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
        public const string ContextMembershipReadOnly = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    }

    /// <summary>Media types of the LTI Advantage services.</summary>
    public static class MediaTypes
    {
        public const string LineItem = "application/vnd.ims.lis.v2.lineitem+json";
        public const string LineItemContainer = "application/vnd.ims.lis.v2.lineitemcontainer+json";
        public const string ResultContainer = "application/vnd.ims.lis.v2.resultcontainer+json";
        public const string Score = "application/vnd.ims.lis.v1.score+json";
        public const string MembershipContainer = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    }

    /// <summary>Deep Linking 2.0 content item types.</summary>
    public static class ContentItemTypes
    {
        public const string LtiResourceLink = "ltiResourceLink";
        public const string Link = "link";
        public const string Html = "html";
    }

    /// <summary>LTI Dynamic Registration 1.0 and its platform extensions.</summary>
    public static class DynamicRegistration
    {
        public const string PlatformConfiguration = "https://purl.imsglobal.org/spec/lti-platform-configuration";
        public const string ToolConfiguration = "https://purl.imsglobal.org/spec/lti-tool-configuration";
        public const string CloseMessageSubject = "org.imsglobal.lti.close";
        public const string ProductFamilyCanvas = "canvas";
        public const string ProductFamilyMoodle = "moodle";
    }

    /// <summary>LTI Client Side postMessage storage (platform storage used when cookies are blocked).</summary>
    public static class PlatformStorage
    {
        public const string Capabilities = "lti.capabilities";
        public const string PutData = "lti.put_data";
        public const string GetData = "lti.get_data";
    }

    /// <summary>Canvas extension keys (registration and score submission).</summary>
    public static class Canvas
    {
        public const string PrivacyLevel = "https://canvas.instructure.com/lti/privacy_level";
        public const string Submission = "https://canvas.instructure.com/lti/submission";
        public const string PlacementCourseNavigation = "course_navigation";
        public const string PlacementLinkSelection = "link_selection";
        public const string PlacementAssignmentSelection = "assignment_selection";
        public const string CourseNavigationDefaultEnabled = "https://canvas.instructure.com/lti/course_navigation/default_enabled";
    }
}
