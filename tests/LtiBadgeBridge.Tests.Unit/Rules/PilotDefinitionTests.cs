using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class PilotDefinitionTests
{
    public static TheoryData<string, string> Pilots => new()
    {
        { "big-data.yaml", "1001" },
        { "cloud-computing.yaml", "2001" },
    };

    private static (AchievementDocument Document, CourseCatalogue Catalogue) Load(string file, string courseId)
    {
        var text = File.ReadAllText(RuleTestData.RepositoryPath("config", "achievements", file));
        var catalogue = courseId == "1001" ? PilotCatalogues.BigData : PilotCatalogues.CloudComputing;
        return (AchievementDefinitionReader.Read(text, file), catalogue);
    }

    [Theory]
    [MemberData(nameof(Pilots))]
    public void Pilot_LoadsAndValidatesWithoutErrorsOrWarnings(string file, string courseId)
    {
        var (document, catalogue) = Load(file, courseId);

        Assert.Empty(AchievementValidator.Validate(document, catalogue));
        var definition = document.Definition!;
        Assert.Equal(AchievementTypes.MicroCredential, definition.AchievementType);
        Assert.Equal(45, definition.Workload!.Hours);
        Assert.Equal(9, definition.Workload.Weeks);
        Assert.Equal(DeliveryMode.Virtual, definition.Delivery!.Mode);
        Assert.Equal(DeliverySchedule.NonConcurrent, definition.Delivery.Schedule);
        Assert.Equal("free", definition.Delivery.Cost);
        Assert.Equal("en", definition.InLanguage);
        Assert.StartsWith("https://sfia-online.org/", Assert.Single(definition.Alignments).TargetUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Pilots_FormAValidSet()
    {
        var documents = new[] { Load("big-data.yaml", "1001").Document, Load("cloud-computing.yaml", "2001").Document };

        Assert.Empty(DefinitionSet.Validate(documents));
    }

    [Theory]
    [MemberData(nameof(Pilots))]
    public void Pilot_EvaluatesALearner(string file, string courseId)
    {
        var (document, catalogue) = Load(file, courseId);
        var compiled = AchievementCompiler.Compile(document.Definition!, catalogue).Achievement!;
        var capstone = catalogue.Items[0].Id;
        var criteria = catalogue.Rubrics[0].Criteria;
        LearnerSnapshot Learner(double grade, string level, string? url) => new()
        {
            LearnerId = "learner",
            CourseId = courseId,
            CourseScore = new CourseScore { FinalPercent = grade },
            RubricAssessments = [new() { ItemId = capstone, Ratings = [.. criteria.Select(c => new CriterionRating { CriterionId = c.Id, LevelId = level })] }],
            Artifacts = url is null ? [] : [new() { ItemId = capstone, Type = ArtifactType.Url, Url = url }],
        };

        var earns = compiled.Evaluate(Learner(72, "proficient", "https://github.com/learner/capstone"), EarnedAchievements.None);
        var noRepository = compiled.Evaluate(Learner(95, "exemplary", null), EarnedAchievements.None);
        var developing = compiled.Evaluate(Learner(95, "developing", "https://gitlab.com/learner/capstone"), EarnedAchievements.None);

        Assert.Equal(DecisionStatus.Met, earns.Status);
        Assert.Equal("https://github.com/learner/capstone", Assert.Single(earns.Evidence).Url);
        Assert.Contains(earns.Results, r => r.Name == "Course grade" && r.Value == "72");
        Assert.Equal(4, earns.Results.Count);
        Assert.Equal("Capstone repository missing: submit your repository link", noRepository.Criteria.Single(c => c.Id == "capstone-repository").Explanation);
        Assert.Equal(3, developing.ShortBy);
        Assert.All(developing.Criteria.Where(c => c.Kind == "rubricCriterion"), c => Assert.EndsWith(": Developing, Proficient needed", c.Explanation, StringComparison.Ordinal));
        Assert.Equal(compiled.Version, earns.DefinitionVersion);
    }
}
