using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LtiBadgeBridge.Web.Demo.Data;

/// <summary>
/// Builds the pilot course from a fixed seed. 31 of the 43 learners meet every rule of the Cloud
/// Computing achievement (72 %, as in the pilot); the others miss it in instructive ways: one is close on
/// the grade, one on a rubric criterion, one submitted a link that is not a code repository, and the rest
/// struggled, skipped the capstone or withdrew.
/// </summary>
internal static class PilotCourseBuilder
{
    private const int Seed = 20260112;
    private const decimal WeeklyPoints = 20;

    private static readonly DateTimeOffset Start = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Given, string Family)[] Names =
    [
        ("Amara", "Okafor"), ("Liam", "Tremblay"), ("Sofia", "Rossi"), ("Wei", "Zhang"), ("Noah", "Gagnon"),
        ("Priya", "Sharma"), ("Ethan", "Roy"), ("Fatima", "Haddad"), ("Lucas", "Bouchard"), ("Mei Lin", "Chen"),
        ("Oliver", "Singh"), ("Chloe", "Martin"), ("Daniel", "Kim"), ("Aisha", "Mohammed"), ("Gabriel", "Pelletier"),
        ("Hannah", "Nguyen"), ("Mateo", "Garcia"), ("Zoe", "Campbell"), ("Arjun", "Patel"), ("Emma", "Wilson"),
        ("Samuel", "Osei"), ("Leila", "Karimi"), ("Jacob", "Morin"), ("Isabella", "Santos"), ("Ryan", "O'Connor"),
        ("Yuki", "Tanaka"), ("Benjamin", "Lavoie"), ("Nadia", "Petrova"), ("Omar", "Farouk"), ("Grace", "Thompson"),
        ("Diego", "Hernandez"), ("Ava", "MacDonald"), ("Kwame", "Mensah"), ("Julia", "Kowalski"), ("Thomas", "Bergeron"),
        ("Sara", "Ahmadi"), ("Nathan", "Fraser"), ("Ines", "Moreau"), ("Victor", "Nowak"), ("Maya", "Desai"),
        ("Elijah", "Brown"), ("Layla", "Hassan"), ("Jonah", "Friesen"),
    ];

    private static readonly (string Name, string Type)[] Weeks =
    [
        ("Week 1 quiz: Cloud service and deployment models", "online_quiz"),
        ("Week 2 lab: Virtual machines and networking", "online_upload"),
        ("Week 3 quiz: Storage and databases in the cloud", "online_quiz"),
        ("Week 4 lab: Containers and orchestration", "online_upload"),
        ("Week 5 discussion: Choosing a cloud provider", "discussion_topic"),
        ("Week 6 lab: Serverless functions", "online_upload"),
        ("Week 7 quiz: Identity, access and security", "online_quiz"),
        ("Week 8 lab: Monitoring and cost control", "online_upload"),
        ("Week 9 reflection: Architecture trade-offs", "online_text_entry"),
    ];

    private enum Profile
    {
        Earner,
        CloseOnGrade,
        CloseOnRubric,
        CloseOnRepository,
        Struggling,
        NoCapstone,
        Withdrawn,
    }

    public static PilotCourse Build()
    {
        var random = new Random(Seed);
        var assignments = BuildAssignments();
        var rubric = BuildRubric();
        var learners = new List<PilotPerson>();
        var submissions = new List<PilotSubmission>();
        var nextSubmissionId = 700_001L;
        for (var i = 0; i < Names.Length; i++)
        {
            var profile = ProfileOf(i);
            var (given, family) = Names[i];
            var learner = new PilotPerson
            {
                UserId = 50_001 + i,
                Subject = SubjectFor(random),
                GivenName = given,
                FamilyName = family,
                Email = Handle(given, family, '.') + "@learners.example.edu",
                EnrollmentId = 90_001 + i,
                EnrollmentState = profile == Profile.Withdrawn ? "inactive" : "active",
                Story = Story(profile),
            };
            learners.Add(learner);
            foreach (var assignment in assignments)
            {
                var submission = assignment.Id == PilotCourse.CapstoneAssignmentId
                    ? Capstone(random, learner, assignment, rubric, profile, nextSubmissionId)
                    : Weekly(random, learner, assignment, profile, nextSubmissionId);
                submissions.Add(submission);
                nextSubmissionId++;
            }
        }

        return new PilotCourse
        {
            Name = "Cloud Computing",
            CourseCode = "CC-PILOT",
            ContextId = OpaqueId("demo-course-2001"),
            StartAt = Start,
            EndAt = Start.AddDays(63),
            Assignments = assignments,
            Rubric = rubric,
            Learners = learners,
            Instructor = new PilotPerson
            {
                UserId = 50_100,
                Subject = SubjectFor(random),
                GivenName = "Elena",
                FamilyName = "Vasquez",
                Email = "elena.vasquez@faculty.example.edu",
                EnrollmentId = 90_100,
                Story = "teaches the course",
            },
            Admin = new PilotPerson
            {
                UserId = 50_200,
                Subject = SubjectFor(random),
                GivenName = "Morgan",
                FamilyName = "Lee",
                Email = "morgan.lee@example.edu",
                EnrollmentId = 0,
                Story = "Canvas account administrator",
            },
            Submissions = submissions,
        };
    }

    private static Profile ProfileOf(int index) => index switch
    {
        1 => Profile.CloseOnRubric,
        2 => Profile.CloseOnGrade,
        3 => Profile.CloseOnRepository,
        9 or 16 or 24 or 31 or 38 => Profile.Struggling,
        12 or 27 or 35 => Profile.NoCapstone,
        20 => Profile.Withdrawn,
        _ => Profile.Earner,
    };

    private static string Story(Profile profile) => profile switch
    {
        Profile.Earner => "meets every rule",
        Profile.CloseOnGrade => "close: capstone fine, course grade just under 70 %",
        Profile.CloseOnRubric => "close: documentation rated Developing on the capstone",
        Profile.CloseOnRepository => "close: capstone link is a shared drive, not a code repository",
        Profile.Struggling => "struggled: grade under 70 % and a weak capstone",
        Profile.NoCapstone => "did not submit the capstone",
        _ => "withdrew after week 3",
    };

    private static List<PilotAssignment> BuildAssignments()
    {
        var list = Weeks.Select((week, i) => new PilotAssignment
        {
            Id = 20_001 + i,
            Name = week.Name,
            PointsPossible = WeeklyPoints,
            DueAt = DueAt(i + 1),
            SubmissionTypes = [week.Type],
        }).ToList();
        list.Add(new PilotAssignment
        {
            Id = PilotCourse.CapstoneAssignmentId,
            Name = "Capstone workshop: Deploy and document a cloud application",
            PointsPossible = 100,
            DueAt = DueAt(9).AddDays(3),
            SubmissionTypes = ["online_url", "online_upload"],
            RubricId = PilotCourse.CapstoneRubricId,
        });
        return list;
    }

    private static List<PilotRubricCriterion> BuildRubric() =>
    [
        Criterion("crit_architecture", "Architecture", "Designs a cloud architecture with sound availability, security and cost choices.", PilotCourse.ArchitectureOutcomeId),
        Criterion("crit_implementation", "Implementation", "Deploys, configures and monitors the application on a public cloud.", null),
        Criterion("crit_documentation", "Documentation", "Documents the architecture and its trade-offs for a technical reader.", null),
    ];

    private static PilotRubricCriterion Criterion(string id, string description, string longDescription, long? outcomeId) => new()
    {
        Id = id,
        Description = description,
        LongDescription = longDescription,
        OutcomeId = outcomeId,
        Ratings =
        [
            new(id + "_exemplary", "Exemplary", 4),
            new(id + "_proficient", "Proficient", 3),
            new(id + "_developing", "Developing", 2),
            new(id + "_beginning", "Beginning", 1),
        ],
    };

    private static DateTimeOffset DueAt(int week) => Start.AddDays(7 * week).AddMinutes(-1);

    private static PilotSubmission Weekly(Random random, PilotPerson learner, PilotAssignment assignment, Profile profile, long id)
    {
        var week = (int)(assignment.Id - 20_000);
        var target = profile switch
        {
            Profile.Earner => 78 + random.Next(20),
            Profile.CloseOnGrade => 65,
            Profile.CloseOnRubric => 84,
            Profile.CloseOnRepository => 80,
            Profile.Struggling => 45 + random.Next(16),
            Profile.NoCapstone => 60 + random.Next(16),
            _ => 70,
        };
        var noise = random.Next(-2, 3);
        var late = random.Next(10) == 0;
        var hoursEarly = random.Next(1, 72);

        var skipped = profile switch
        {
            Profile.Withdrawn => week > 3,
            Profile.Struggling => week is 5 or 8,
            Profile.Earner => target >= 90 && week == 6 && learner.UserId % 3 == 0,
            _ => false,
        };
        if (skipped)
        {
            return new PilotSubmission { Id = id, AssignmentId = assignment.Id, UserId = learner.UserId, Missing = true };
        }

        if (profile == Profile.Earner && week == 5 && learner.UserId % 11 == 0)
        {
            return new PilotSubmission { Id = id, AssignmentId = assignment.Id, UserId = learner.UserId, Excused = true, GradedAt = assignment.DueAt.AddDays(2) };
        }

        var exact = profile is Profile.CloseOnGrade or Profile.CloseOnRubric or Profile.CloseOnRepository;
        var score = Math.Clamp(Math.Round(WeeklyPoints * target / 100) + (exact ? 0 : noise), 0, WeeklyPoints);
        var submittedAt = late ? assignment.DueAt.AddHours(random.Next(2, 30)) : assignment.DueAt.AddHours(-hoursEarly);
        var type = assignment.SubmissionTypes[0];
        return new PilotSubmission
        {
            Id = id,
            AssignmentId = assignment.Id,
            UserId = learner.UserId,
            Score = score,
            Late = late,
            SubmittedAt = submittedAt,
            GradedAt = assignment.DueAt.AddDays(3),
            Attempt = 1,
            SubmissionType = type,
            AttachmentName = type == "online_upload" ? $"week{week}-lab-report.pdf" : null,
            Body = type == "online_text_entry" ? "<p>I would trade some availability for cost by running one region with backups elsewhere.</p>" : null,
        };
    }

    private static PilotSubmission Capstone(Random random, PilotPerson learner, PilotAssignment assignment, List<PilotRubricCriterion> rubric, Profile profile, long id)
    {
        int[] points = profile switch
        {
            Profile.Earner => [3 + random.Next(2), 3 + random.Next(2), 3 + random.Next(2)],
            Profile.CloseOnGrade => [3, 3, 3],
            Profile.CloseOnRubric => [3, 3, 2],
            Profile.CloseOnRepository => [3, 4, 3],
            Profile.Struggling => [1 + random.Next(2), 1 + random.Next(3), 1 + random.Next(2)],
            _ => [],
        };
        var resubmitted = random.Next(3) == 0;
        if (points.Length == 0)
        {
            return new PilotSubmission { Id = id, AssignmentId = assignment.Id, UserId = learner.UserId, Missing = profile != Profile.Withdrawn };
        }

        var handle = Handle(learner.GivenName, learner.FamilyName, '-');
        var url = profile == Profile.CloseOnRepository
            ? $"https://drive.google.com/drive/folders/{handle}-capstone"
            : (learner.UserId % 7 == 0 ? "https://gitlab.com/" : "https://github.com/") + handle + "/cloud-capstone";
        var submittedAt = assignment.DueAt.AddHours(-random.Next(2, 96));
        var assessment = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < rubric.Count; c++)
        {
            assessment[rubric[c].Id] = points[c];
        }

        var first = new PilotSubmission
        {
            Id = id,
            AssignmentId = assignment.Id,
            UserId = learner.UserId,
            SubmittedAt = submittedAt.AddDays(-4),
            Attempt = 1,
            SubmissionType = "online_url",
            Url = url,
        };
        return new PilotSubmission
        {
            Id = id,
            AssignmentId = assignment.Id,
            UserId = learner.UserId,
            Score = Math.Round(points.Sum() * 100m / 12),
            SubmittedAt = submittedAt,
            GradedAt = assignment.DueAt.AddDays(5),
            Attempt = resubmitted ? 2 : 1,
            SubmissionType = "online_url",
            Url = url,
            Rubric = assessment,
            EarlierAttempts = resubmitted ? [first] : [],
        };
    }

    /// <summary>A 40-hex-digit opaque id derived from <paramref name="seed"/>, shaped like Canvas's context and legacy user ids.</summary>
    public static string OpaqueId(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..40];

    /// <summary>A UUID from the seeded generator, shaped like Canvas's LTI user ids.</summary>
    private static string SubjectFor(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    private static string Handle(string given, string family, char separator) =>
        new string((given.Replace(' ', separator) + separator + family).ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == separator).ToArray());
}
