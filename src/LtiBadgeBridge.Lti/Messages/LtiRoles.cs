namespace LtiBadgeBridge.Lti.Messages;

/// <summary>Maps LIS role URIs (context, sub-roles, institution, system; and the short forms LTI allows
/// for context roles) to <see cref="LtiRoleKind"/>.</summary>
public static class LtiRoles
{
    public static LtiRoleKind Map(IEnumerable<string>? roles)
    {
        var kind = LtiRoleKind.None;
        if (roles is null)
        {
            return kind;
        }

        foreach (var role in roles)
        {
            kind |= MapOne(role);
        }

        return kind;
    }

    private static LtiRoleKind MapOne(string role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return LtiRoleKind.None;
        }

        role = role.Trim();
        if (role.StartsWith(LtiConstants.Roles.SystemPrefix, StringComparison.Ordinal))
        {
            var name = role[LtiConstants.Roles.SystemPrefix.Length..];
            return name is "Administrator" or "SysAdmin" ? LtiRoleKind.Admin : LtiRoleKind.None;
        }

        if (role.StartsWith(LtiConstants.Roles.InstitutionPrefix, StringComparison.Ordinal))
        {
            // Institution roles describe the person, not their part in this course: only admin matters.
            var name = role[LtiConstants.Roles.InstitutionPrefix.Length..];
            return name == "Administrator" ? LtiRoleKind.Admin : LtiRoleKind.None;
        }

        string contextRole;
        if (role.StartsWith(LtiConstants.Roles.MembershipPrefix, StringComparison.Ordinal))
        {
            contextRole = role[LtiConstants.Roles.MembershipPrefix.Length..];
        }
        else if (role.StartsWith(LtiConstants.Roles.MembershipSubRolePrefix, StringComparison.Ordinal))
        {
            // ".../membership/Instructor#TeachingAssistant": the principal role is before the '#'.
            var rest = role[LtiConstants.Roles.MembershipSubRolePrefix.Length..];
            var hash = rest.IndexOf('#', StringComparison.Ordinal);
            contextRole = hash < 0 ? rest : rest[..hash];
        }
        else if (!role.Contains(':', StringComparison.Ordinal) && !role.Contains('/', StringComparison.Ordinal))
        {
            contextRole = role; // LTI 1.3 allows the short (simple name) form for context roles.
        }
        else
        {
            return LtiRoleKind.None;
        }

        return contextRole switch
        {
            "Instructor" or "ContentDeveloper" or "TeachingAssistant" => LtiRoleKind.Instructor,
            "Learner" => LtiRoleKind.Learner,
            "Administrator" => LtiRoleKind.Admin,
            _ => LtiRoleKind.None,
        };
    }
}
