using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class DefinitionValidatorTests
{
    public static TheoryData<string, Rule, string, string> CatalogueErrors => new()
    {
        { "unknown item", ItemPercent("99999", 70), DefinitionErrorCodes.UnknownItem, "rules.itemScore" },
        { "unknown item with a near id", ItemPercent("2001O", 70), DefinitionErrorCodes.UnknownItem, "rules.itemScore" },
        { "percent above 100", ItemPercent(Capstone, 170), DefinitionErrorCodes.ThresholdOutOfRange, "rules.minPercent" },
        { "negative percent", CoursePercent(-1), DefinitionErrorCodes.ThresholdOutOfRange, "rules.minPercent" },
        { "points above points possible", new ItemScoreRule { ItemId = Lab1, Threshold = Threshold.Points(11) }, DefinitionErrorCodes.ImpossibleThreshold, "rules.minPoints" },
        { "percent on a zero-point item", ItemPercent(Ungradable, 50), DefinitionErrorCodes.ImpossibleThreshold, "rules.minPercent" },
        { "both thresholds", new ItemScoreRule { ItemId = Capstone, Threshold = new Threshold { MinPercent = 1, MinPoints = 1 } }, DefinitionErrorCodes.MissingRequired, "rules" },
        { "unknown rubric level", new RubricRule { ItemId = Capstone, MinLevel = "Proficent" }, DefinitionErrorCodes.UnknownRubricLevel, "rules.minLevel" },
        { "unknown rubric criterion", new RubricRule { ItemId = Capstone, MinLevel = "Proficient", Criteria = ["crit_x"] }, DefinitionErrorCodes.UnknownCriterion, "rules.criteria[0]" },
        { "item without rubric", new RubricRule { ItemId = Lab1, MinLevel = "Proficient" }, DefinitionErrorCodes.UnknownRubric, "rules.rubric" },
        { "group-graded item assessed individually", new RubricRule { ItemId = GroupProject, MinLevel = "Proficient", Individual = true }, DefinitionErrorCodes.GroupGraded, "rules.individual" },
        { "unknown outcome", new OutcomeRule { OutcomeId = "nope", MinLevel = "Mastery" }, DefinitionErrorCodes.UnknownOutcome, "rules.outcome" },
        { "unknown outcome level", new OutcomeRule { OutcomeId = OutcomeArchitecture, MinLevel = "Guru" }, DefinitionErrorCodes.UnknownOutcomeLevel, "rules.minLevel" },
        { "outcome score above scale", new OutcomeRule { OutcomeId = OutcomeArchitecture, MinScore = 5 }, DefinitionErrorCodes.ImpossibleThreshold, "rules.minScore" },
        { "atLeast more than rules", new AtLeastRule { Count = 3, Rules = [CoursePercent(1), CoursePercent(2)] }, DefinitionErrorCodes.ImpossibleThreshold, "rules.atLeast" },
        { "empty all", new AllRule { Rules = [] }, DefinitionErrorCodes.MissingRequired, "rules" },
        { "stacking on itself", new AchievementsRule { AchievementIds = ["test-badge"] }, DefinitionErrorCodes.SelfReference, "rules.achievements[0]" },
        { "stacking 4 of 3", new AchievementsRule { AchievementIds = ["a", "b", "c"], Count = 4 }, DefinitionErrorCodes.ImpossibleThreshold, "rules.atLeast" },
        { "urlHost on a file", new EvidenceRule { ItemId = Capstone, Type = LtiBadgeBridge.Rules.Snapshots.ArtifactType.File, UrlHosts = ["github.com"] }, DefinitionErrorCodes.InvalidValue, "rules.urlHost" },
        { "extension without dot", new EvidenceRule { ItemId = Capstone, Extensions = ["pdf"] }, DefinitionErrorCodes.InvalidValue, "rules.extension[0]" },
        { "duplicate explicit ids", new AllRule { Rules = [CoursePercent(1) with { Id = "x" }, CoursePercent(2) with { Id = "x" }] }, DefinitionErrorCodes.DuplicateCriterionId, "rules.all[1].id" },
    };

    [Theory]
    [MemberData(nameof(CatalogueErrors))]
    public void Validate_AgainstCatalogue_RefusesBadRules(string scenario, Rule rule, string code, string path)
    {
        var errors = AchievementValidator.Validate(Definition(rule), Catalogue);

        Assert.True(errors.Any(e => e.Code == code && e.Path == path && e.Severity == DefinitionSeverity.Error),
            scenario + ": " + string.Join(" | ", errors.Select(e => $"{e.Code}@{e.Path}: {e}")));
        Assert.False(AchievementCompiler.Compile(Definition(rule), Catalogue).Succeeded);
    }

    [Fact]
    public void Validate_UnknownItemNearAnId_SuggestsIt()
    {
        var error = AchievementValidator.Validate(Definition(ItemPercent("2001O", 70)), Catalogue).Single(e => e.Code == DefinitionErrorCodes.UnknownItem);

        Assert.Equal("did you mean '20010'?", error.Hint);
    }

    [Fact]
    public void Validate_WithoutCatalogue_ChecksOnlyTheDefinitionItself()
    {
        var errors = AchievementValidator.Validate(Definition(ItemPercent("99999", 70)));

        Assert.DoesNotContain(errors, e => e.Severity == DefinitionSeverity.Error);
    }

    [Fact]
    public void Validate_MicroCredential_RequiresItsMetadata()
    {
        var definition = Definition(CoursePercent(70)) with { AchievementType = "MicroCredential" };

        var missing = AchievementValidator.Validate(definition)
            .Where(e => e.Severity == DefinitionSeverity.Error).Select(e => e.Path).ToList();

        Assert.Equal(["learningOutcomes", "workload", "assessmentType", "delivery"], missing);
    }

    [Fact]
    public void Validate_MissingRequiredMetadata_NamesEachField()
    {
        var definition = Definition(CoursePercent(70)) with { Name = " ", Description = "", Criteria = "", AchievementType = "" };

        var errors = AchievementValidator.Validate(definition).Where(e => e.Code == DefinitionErrorCodes.MissingRequired).Select(e => e.Path);

        Assert.Equal(["name", "description", "criteria", "achievementType"], errors);
    }

    [Theory]
    [InlineData(45, 9, 2.0, 5.0, true)]
    [InlineData(18, 9, 2.0, 5.0, true)]
    [InlineData(100, 9, 2.0, 5.0, false)]
    [InlineData(45, 9, 5.0, 2.0, false)]
    public void Validate_Workload_HoursAgreeWithWeeks(double hours, int weeks, double min, double max, bool valid)
    {
        var definition = Definition(CoursePercent(70)) with { Workload = new() { Hours = hours, Weeks = weeks, HoursPerWeekMin = min, HoursPerWeekMax = max } };

        var errors = AchievementValidator.Validate(definition).Where(e => e.Path.StartsWith("workload", StringComparison.Ordinal));

        Assert.Equal(valid, !errors.Any());
    }

    [Fact]
    public void Validate_Alignment_NeedsNameAndAbsoluteUrl()
    {
        var definition = Definition(CoursePercent(70)) with { Alignments = [new() { TargetName = "", TargetUrl = "sfia/deng" }] };

        var paths = AchievementValidator.Validate(definition).Where(e => e.Severity == DefinitionSeverity.Error).Select(e => e.Path);

        Assert.Equal(["alignments[0].targetName", "alignments[0].targetUrl"], paths);
    }
}
