namespace LtiBadgeBridge.Lti.Messages;

/// <summary>What the tool's own pages care about. A user may be several at once.</summary>
[Flags]
public enum LtiRoleKind
{
    None = 0,
    Learner = 1,
    Instructor = 2,
    Admin = 4,
}
