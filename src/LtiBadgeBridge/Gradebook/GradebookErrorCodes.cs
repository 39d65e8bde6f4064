namespace LtiBadgeBridge.Gradebook;

/// <summary>Stable codes of score deliveries that did not post.</summary>
public static class GradebookErrorCodes
{
    public const string NoCourse = "gradebook.no_course";
    public const string NoAgs = "gradebook.no_ags";
    public const string NoCredential = "gradebook.no_credential";
    public const string ScopeNotGranted = "gradebook.scope_not_granted";
    public const string Refused = "gradebook.refused";
    public const string Rejected = "gradebook.rejected";
    public const string TokenFailed = "gradebook.token_failed";
    public const string Unreachable = "gradebook.unreachable";
    public const string LearnerUnknown = "gradebook.learner_unknown";
}
