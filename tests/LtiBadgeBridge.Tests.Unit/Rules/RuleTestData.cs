using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Tests.Unit.Rules;

/// <summary>A small course and builders for definitions and learners used across the rules tests.</summary>
internal static class RuleTestData
{
    public const string Capstone = "20010";
    public const string Lab1 = "20001";
    public const string Lab2 = "20002";
    public const string Lab3 = "20003";
    public const string Ungradable = "20004";
    public const string GroupProject = "20005";
    public const string OutcomeArchitecture = "out-arch";
    public const string OutcomeSecurity = "out-sec";

    public static readonly RubricLevel[] Levels =
    [
        // Canvas lists ratings highest first; ranking must come from points, not list order.
        new() { Id = "r4", Name = "Exemplary", Points = 4 },
        new() { Id = "r3", Name = "Proficient", Points = 3 },
        new() { Id = "r2", Name = "Developing", Points = 2 },
        new() { Id = "r1", Name = "Beginning", Points = 1 },
    ];

    public static readonly CourseCatalogue Catalogue = new()
    {
        CourseId = "2001",
        Items =
        [
            new() { Id = Capstone, Name = "Capstone", PointsPossible = 100, RubricId = "rubric-1" },
            new() { Id = Lab1, Name = "Lab 1", PointsPossible = 10 },
            new() { Id = Lab2, Name = "Lab 2", PointsPossible = 20 },
            new() { Id = Lab3, Name = "Lab 3", PointsPossible = 50 },
            new() { Id = Ungradable, Name = "Reflection", PointsPossible = 0 },
            new() { Id = GroupProject, Name = "Group project", PointsPossible = 100, RubricId = "rubric-1", GradedAsGroup = true },
        ],
        Rubrics =
        [
            new()
            {
                Id = "rubric-1",
                Criteria =
                [
                    new() { Id = "crit_architecture", Description = "Architecture", Levels = Levels },
                    new() { Id = "crit_implementation", Description = "Implementation", Levels = Levels },
                ],
            },
        ],
        Outcomes =
        [
            new()
            {
                Id = OutcomeArchitecture,
                Name = "Cloud architecture",
                MasteryPoints = 3,
                Scale =
                [
                    new() { Name = "Exceeds mastery", Points = 4 },
                    new() { Name = "Mastery", Points = 3, IsMastery = true },
                    new() { Name = "Near mastery", Points = 2 },
                    new() { Name = "Below mastery", Points = 1 },
                ],
            },
            new()
            {
                Id = OutcomeSecurity,
                Name = "Cloud security",
                Source = OutcomeSource.MoodleCompetency,
                Scale =
                [
                    new() { Id = "1", Name = "Not yet competent" },
                    new() { Id = "2", Name = "Competent", IsMastery = true },
                ],
            },
        ],
    };

    public static AchievementDefinition Definition(Rule rules, string id = "test-badge", bool requiresApproval = false) => new()
    {
        Id = id,
        Name = "Test badge",
        Description = "A badge for tests.",
        Criteria = "Meet the rules.",
        AchievementType = "Badge",
        RequiresApproval = requiresApproval,
        Rules = rules,
    };

    public static CompiledAchievement Compile(Rule rules, bool requiresApproval = false, string id = "test-badge")
    {
        var result = AchievementCompiler.Compile(Definition(rules, id, requiresApproval), Catalogue);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Achievement!;
    }

    public static Decision Evaluate(Rule rules, LearnerSnapshot learner, EarnedAchievements? earned = null) =>
        Compile(rules).Evaluate(learner, earned ?? EarnedAchievements.None);

    public static LearnerSnapshot Learner(
        IReadOnlyList<ItemScore>? scores = null,
        CourseScore? course = null,
        IReadOnlyList<RubricAssessment>? rubrics = null,
        IReadOnlyList<OutcomeResult>? outcomes = null,
        IReadOnlyList<Artifact>? artifacts = null,
        string learnerId = "learner-1") => new()
    {
        LearnerId = learnerId,
        CourseId = Catalogue.CourseId,
        Scores = scores ?? [],
        CourseScore = course,
        RubricAssessments = rubrics ?? [],
        OutcomeResults = outcomes ?? [],
        Artifacts = artifacts ?? [],
    };

    public static ItemScore Graded(string itemId, double score, int attempt = 1, bool late = false) =>
        new() { ItemId = itemId, Score = score, State = ScoreState.Graded, Attempt = attempt, Late = late };

    public static RubricAssessment Rated(string itemId, string architecture, string implementation, int attempt = 1) => new()
    {
        ItemId = itemId,
        Attempt = attempt,
        Ratings =
        [
            new() { CriterionId = "crit_architecture", LevelName = architecture },
            new() { CriterionId = "crit_implementation", LevelName = implementation },
        ],
    };

    public static Artifact Link(string url, string itemId = Capstone, int attempt = 1) =>
        new() { ItemId = itemId, Type = ArtifactType.Url, Url = url, Attempt = attempt };

    public static ItemScoreRule ItemPercent(string itemId, double percent, string? label = null) =>
        new() { ItemId = itemId, Threshold = Threshold.Percent(percent), Label = label };

    public static CourseScoreRule CoursePercent(double percent) => new() { MinPercent = percent };

    /// <summary>Finds the repository root (the folder holding config/achievements) above the test binaries.</summary>
    public static string RepositoryPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "config", "achievements")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("config/achievements was not found above " + AppContext.BaseDirectory);
    }
}
