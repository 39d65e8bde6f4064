using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.StatusList;

namespace LtiBadgeBridge.Testing.Credentials;

/// <summary>The Cloud Computing pilot achievement (DESIGN.md §1) as credential input.</summary>
public static class PilotCredential
{
    public static readonly Uri BaseUrl = new("https://badges.example.edu/");
    public static readonly string IssuerDid = DidWeb.FromUrl(new Uri(BaseUrl, "issuers/reg-1"));
    public static readonly Uri StatusListUrl = new(BaseUrl, "status/reg-1/1");
    public static readonly DateTimeOffset AwardedAt = new(2026, 6, 15, 14, 30, 0, TimeSpan.Zero);

    public static IssuerProfile Issuer => new()
    {
        Id = IssuerDid,
        ProfileUrl = new Uri(BaseUrl, "issuers/reg-1/profile"),
        Name = "Example Polytechnic",
        Url = new Uri("https://www.example.edu/"),
        Email = "badges@example.edu",
        Description = "Continuing education micro-credentials.",
        Image = new Uri("https://www.example.edu/logo.png"),
        Address = new IssuerAddress { Country = "Canada", CountryCode = "CA", Region = "ON", Locality = "Toronto" },
    };

    public static AchievementDefinition Achievement => new()
    {
        Id = new Uri(BaseUrl, "achievements/reg-1/cloud-computing"),
        Name = "Cloud Computing Fundamentals",
        Description = "Designs, deploys and operates workloads on a public cloud.",
        CriteriaUrl = new Uri(BaseUrl, "achievements/reg-1/cloud-computing/criteria"),
        CriteriaNarrative = "Final grade of at least 70 %; every competency at mastery; capstone deployment assessed individually at proficient or better, with its repository as evidence.",
        Image = new Uri(BaseUrl, "achievements/reg-1/cloud-computing/image.png"),
        Alignments =
        [
            new AchievementAlignment
            {
                TargetName = "Cloud computing", TargetUrl = new Uri("https://skills.example.org/framework/cloud-computing"),
                TargetFramework = "Example Digital Skills Framework", TargetCode = "DSF-CC-1", TargetType = "ext:SkillsFramework",
            },
        ],
        ResultDescriptions =
        [
            new ResultDescriptionDefinition
            {
                Id = "https://badges.example.edu/achievements/reg-1/cloud-computing#final-grade",
                Name = "Final grade", ResultType = "Percent", RequiredValue = "70", ValueMin = "0", ValueMax = "100",
            },
            new ResultDescriptionDefinition
            {
                Id = "https://badges.example.edu/achievements/reg-1/cloud-computing#capstone",
                Name = "Capstone deployment", ResultType = "RubricCriterionLevel",
                RequiredLevel = "https://badges.example.edu/achievements/reg-1/cloud-computing#capstone-proficient",
                RubricLevels =
                [
                    new RubricLevelDefinition { Id = "https://badges.example.edu/achievements/reg-1/cloud-computing#capstone-proficient", Name = "Proficient", Points = "3" },
                    new RubricLevelDefinition { Id = "https://badges.example.edu/achievements/reg-1/cloud-computing#capstone-mastery", Name = "Mastery", Points = "4" },
                ],
            },
        ],
        CreditsAvailable = 1.5m,
        HumanCode = "CC-101",
        FieldOfStudy = "Information technology",
        InLanguage = "en",
        Tags = ["cloud", "devops", "micro-credential"],
        MicroCredential = new MicroCredentialMetadata
        {
            WorkloadHours = 27,
            AssessmentType = "Individual capstone project, rubric-assessed",
            DeliveryMode = "Online, asynchronous",
            QualityAssurance = "Reviewed by the institution's curriculum committee",
        },
    };

    public static OpenBadgeCredentialInput Input(int statusIndex = 42, Uri? extensionContext = null) => new()
    {
        Id = CredentialIds.ForAward("reg-1", "learner-7", "cloud-computing"),
        Issuer = Issuer,
        Achievement = Achievement,
        Learner = new LearnerIdentity
        {
            SubjectId = CredentialIds.ForLearner("reg-1", "lti-user-7"),
            Email = "Ada.Learner@example.com",
            LtiUserId = "lti-user-7",
            Salt = "c0ffee",
        },
        AwardedAt = AwardedAt,
        Results =
        [
            new AwardResult { ResultDescriptionId = "https://badges.example.edu/achievements/reg-1/cloud-computing#final-grade", Value = "86" },
            new AwardResult
            {
                ResultDescriptionId = "https://badges.example.edu/achievements/reg-1/cloud-computing#capstone",
                AchievedLevel = "https://badges.example.edu/achievements/reg-1/cloud-computing#capstone-mastery",
            },
        ],
        Evidence =
        [
            new EvidenceItem
            {
                Id = new Uri("https://git.example.com/ada/cloud-capstone"), Name = "Capstone repository",
                Description = "Infrastructure as code and the deployed service.", Genre = "Source code",
            },
        ],
        Status = new StatusListEntry { StatusListCredential = StatusListUrl, Index = statusIndex },
        MicroCredentialContextUrl = extensionContext,
    };
}
