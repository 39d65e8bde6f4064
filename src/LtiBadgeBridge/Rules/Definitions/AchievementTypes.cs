namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>The Open Badges 3.0 <c>AchievementType</c> vocabulary; other values must start with <c>ext:</c>.</summary>
public static class AchievementTypes
{
    public const string MicroCredential = "MicroCredential";

    public static readonly IReadOnlyList<string> Known =
    [
        "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award", "Badge",
        "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
        "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment",
        "JourneymanCertificate", "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
        "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", MicroCredential, "ResearchDoctorate",
        "SecondarySchoolDiploma",
    ];

    public static bool IsValid(string value)
    {
        if (value.StartsWith("ext:", StringComparison.Ordinal) && value.Length > 4)
        {
            return true;
        }

        foreach (var known in Known)
        {
            if (string.Equals(known, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
